/**
 * Scopes tried in turn when asking Entra ID for a config-service token, as 0.4.0 does:
 * `{resource}/.default`, `{resource}`, `{resource}/` (with any given `/.default` or trailing
 * slashes removed from the resource first).
 */
export function scopeCandidates(resource: string): string[] {
  let base = resource.trim();
  if (base.endsWith('/.default')) base = base.slice(0, -'/.default'.length);
  while (base.endsWith('/')) base = base.slice(0, -1);
  return [`${base}/.default`, base, `${base}/`];
}
