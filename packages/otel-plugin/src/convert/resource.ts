/** Resource and instrumentation scope → OTLP model, memoised per SDK object (they are shared by many records). */
import { toKeyValues } from './attributes.js';
import type { InstrumentationScope, Resource } from './otlp-model.js';
import type { SdkInstrumentationScope, SdkResource } from './sdk-types.js';

const resources = new WeakMap<SdkResource, Resource>();
const scopes = new WeakMap<SdkInstrumentationScope, InstrumentationScope>();

/** The OTLP resource for an SDK resource (cached; callers must not mutate the result). */
export function toResource(resource: SdkResource): Resource {
  let out = resources.get(resource);
  if (out === undefined) {
    out = { attributes: toKeyValues(resource.attributes), droppedAttributesCount: 0 };
    if (resource.schemaUrl) out.schemaUrl = resource.schemaUrl;
    resources.set(resource, out);
  }
  return out;
}

/** The OTLP instrumentation scope for an SDK scope (cached; callers must not mutate the result). */
export function toScope(scope: SdkInstrumentationScope): InstrumentationScope {
  let out = scopes.get(scope);
  if (out === undefined) {
    out = { name: scope.name, version: scope.version };
    if (scope.attributes && Object.keys(scope.attributes).length > 0) {
      out.attributes = toKeyValues(scope.attributes);
      out.droppedAttributesCount = scope.droppedAttributesCount ?? 0;
    }
    scopes.set(scope, out);
  }
  return out;
}

/** Key used to group records by scope: the object when shared, else name/version/schema. */
export function scopeKey(scope: SdkInstrumentationScope): string {
  return `${scope.name}@${scope.version ?? ''}:${scope.schemaUrl ?? ''}`;
}
