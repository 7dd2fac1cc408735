/**
 * Shows a URL without what may be secret: userinfo, query and fragment are dropped, so messages only
 * ever carry `scheme://host[:port]/path`.
 */
export function displayUrl(raw: string): string {
  try {
    const u = new URL(raw);
    if (u.host === '') return stripSecrets(raw);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return stripSecrets(raw);
  }
}

/** Text fallback for strings that do not parse as URLs: cut `?…`/`#…` and anything up to an `@`. */
function stripSecrets(raw: string): string {
  return raw.replace(/[?#][\s\S]*$/, '').replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/]*@/i, '$1');
}
