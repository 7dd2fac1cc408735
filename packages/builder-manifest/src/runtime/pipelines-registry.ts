/**
 * Where the zero-code `register` hook publishes the pipelines it started, so that the app (or a test
 * harness) can read exporter stats and flush. A `Symbol.for` key on `globalThis` works across module
 * copies (ESM and CJS builds of this package, or two installs).
 */
import type { PipelinesHandle } from './start-pipelines.js';

/** `globalThis[GENEVA_PIPELINES_KEY]` holds the handle the `register` hook started. */
export const GENEVA_PIPELINES_KEY: unique symbol = Symbol.for('geneva-otel.pipelines') as never;

type WithPipelines = { [GENEVA_PIPELINES_KEY]?: PipelinesHandle };

/**
 * The pipelines started by `node --import @geneva-otel/builder-manifest/register`, or undefined when
 * the hook did not run or did not start them (no config, `OTEL_GENEVA_ON_CONFIG_ERROR=continue`).
 * Import it from `@geneva-otel/builder-manifest` (the main entry has no side effects).
 *
 * @example
 * const handle = getGenevaPipelines();
 * await handle?.forceFlush();
 * for (const e of handle?.pipelines.exporters ?? []) console.log(e.id, e.signal, e.exporter);
 */
export function getGenevaPipelines(): PipelinesHandle | undefined {
  return (globalThis as WithPipelines)[GENEVA_PIPELINES_KEY];
}

/** Publishes (or, with undefined, clears) the handle. Internal to the register hook and tests. */
export function setGenevaPipelines(handle: PipelinesHandle | undefined): void {
  if (handle === undefined) delete (globalThis as WithPipelines)[GENEVA_PIPELINES_KEY];
  else (globalThis as WithPipelines)[GENEVA_PIPELINES_KEY] = handle;
}
