const TYPE = /^[a-zA-Z][0-9a-zA-Z_]{0,62}$/;
const NAME = /^[^\s/]{1,1024}$/;

/** A collector component or pipeline id: `type` or `type/name`. */
export interface ComponentId {
  id: string;
  type: string;
  name?: string;
}

/** Parses `type[/name]`; undefined when it is malformed. */
export function parseComponentId(id: string): ComponentId | undefined {
  const slash = id.indexOf('/');
  const type = slash < 0 ? id : id.slice(0, slash);
  if (!TYPE.test(type)) return undefined;
  if (slash < 0) return { id, type };
  const name = id.slice(slash + 1);
  if (!NAME.test(name)) return undefined;
  return { id, type, name };
}
