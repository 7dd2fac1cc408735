import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { ConfigError } from '../errors.js';
import type { ComponentsManifest } from '../manifest/manifest-types.js';
import type { Env } from './env-substitution.js';
import { dropSummaryLines, installDefaultDiagLogger, pendingRecords, timeoutMessage } from './exit-report.js';
import { loadInstrumentations, parseInstrumentationList, registerEsmLoaderHook } from './instrumentations.js';
import { setGenevaPipelines } from './pipelines-registry.js';
import { type HookableProcess, installShutdownHooks } from './shutdown-hooks.js';
import { type PipelinesHandle, startPipelines } from './start-pipelines.js';

/** Environment variables read by the `register` entry point. */
export const REGISTER_ENV = {
  /** Path of the collector-style config file (required). */
  config: 'OTEL_GENEVA_CONFIG',
  /** Path of a generated manifest module (`components.js`); default: the package's own manifest. */
  manifest: 'OTEL_GENEVA_MANIFEST',
  /** `exit` (default): print the error and exit 1. `continue`: print it and run the app without export. */
  onConfigError: 'OTEL_GENEVA_ON_CONFIG_ERROR',
  /**
   * Longest wait for the exit flush, in ms (default 5000). On a signal the process then exits (what is
   * still pending is lost); on a natural end, deliveries still in flight keep it up until they finish.
   */
  shutdownTimeoutMs: 'OTEL_GENEVA_SHUTDOWN_TIMEOUT_MS',
  /**
   * Comma-separated instrumentations to enable, e.g. `http,undici`: each loads
   * `@opentelemetry/instrumentation-<name>` (installed by the app) and registers the ESM loader hook.
   */
  instrumentations: 'OTEL_GENEVA_INSTRUMENTATIONS',
} as const;

/** Dependencies of {@link registerFromEnv} (all default to the real process). */
export interface RegisterOptions {
  env?: Env;
  /** Loads the default manifest when `OTEL_GENEVA_MANIFEST` is unset. */
  loadDefaultManifest: () => Promise<ComponentsManifest>;
  stderr?: (line: string) => void;
  exit?: (code: number) => void;
  process?: HookableProcess;
  /** Loads the instrumentations named by `OTEL_GENEVA_INSTRUMENTATIONS` (default: {@link loadInstrumentations}). */
  loadInstrumentations?: (names: readonly string[]) => Promise<Instrumentation[]>;
  /** Registers the ESM loader hook when instrumentations are enabled (default: {@link registerEsmLoaderHook}). */
  registerEsmLoaderHook?: () => void;
  /** Install a warn-level console diag logger unless `OTEL_LOG_LEVEL` is set (default true). */
  installDiagLogger?: boolean;
}

const PREFIX = 'geneva-otel:';

async function loadManifestModule(file: string): Promise<ComponentsManifest> {
  const mod = (await import(pathToFileURL(resolve(file)).href)) as {
    components?: unknown;
    default?: unknown;
  };
  const manifest = (mod.components ?? mod.default) as ComponentsManifest | undefined;
  if (!manifest || typeof manifest !== 'object' || typeof manifest.exporters !== 'object') {
    throw new Error(`${file} does not export a components manifest (run geneva-manifest generate)`);
  }
  return manifest;
}

/**
 * The zero-code start behind `node --import @geneva-otel/builder-manifest/register app.js`: reads the
 * config named by `OTEL_GENEVA_CONFIG`, starts NodeSDK pipelines and flushes on SIGINT, SIGTERM and
 * `beforeExit`. A bad or missing config prints every problem and exits 1 (or, with
 * `OTEL_GENEVA_ON_CONFIG_ERROR=continue`, runs the app with nothing exported). The handle is also
 * published for `getGenevaPipelines()`.
 * @returns the handle, or undefined when nothing was started.
 */
export async function registerFromEnv(options: RegisterOptions): Promise<PipelinesHandle | undefined> {
  const env = options.env ?? process.env;
  const stderr = options.stderr ?? ((line: string) => process.stderr.write(`${line}\n`));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const proc = options.process ?? process;
  const onError = env[REGISTER_ENV.onConfigError] ?? 'exit';
  const fail = (message: string): undefined => {
    if (onError === 'continue') {
      stderr(
        `${PREFIX} ${message}\n${PREFIX} continuing without exporting telemetry (${REGISTER_ENV.onConfigError}=continue)`,
      );
    } else {
      stderr(
        `${PREFIX} ${message}\n${PREFIX} exiting (set ${REGISTER_ENV.onConfigError}=continue to run without export)`,
      );
      exit(1);
    }
    return undefined;
  };
  if (onError !== 'exit' && onError !== 'continue') {
    return fail(`${REGISTER_ENV.onConfigError} must be 'exit' or 'continue', got '${onError}'`);
  }
  const configPath = env[REGISTER_ENV.config];
  if (!configPath)
    return fail(`${REGISTER_ENV.config} is not set: name the collector-style config file to load`);
  const timeoutText = env[REGISTER_ENV.shutdownTimeoutMs];
  const timeoutMs = timeoutText === undefined ? 5000 : Number(timeoutText);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    return fail(
      `${REGISTER_ENV.shutdownTimeoutMs} must be a positive number of milliseconds, got '${timeoutText}'`,
    );
  }
  let handle: PipelinesHandle;
  // Before the SDK starts, so export failures and drops (with their reasons) reach stderr by default.
  if (options.installDiagLogger !== false) installDefaultDiagLogger(env);
  try {
    const manifestPath = env[REGISTER_ENV.manifest];
    const manifest = manifestPath
      ? await loadManifestModule(manifestPath)
      : await options.loadDefaultManifest();
    const listed = env[REGISTER_ENV.instrumentations];
    const names = listed ? parseInstrumentationList(listed, REGISTER_ENV.instrumentations) : [];
    let instrumentations: Instrumentation[] = [];
    if (names.length > 0) {
      (options.registerEsmLoaderHook ?? registerEsmLoaderHook)();
      instrumentations = await (options.loadInstrumentations ?? loadInstrumentations)(names);
    }
    handle = startPipelines({
      manifest,
      configPath,
      env,
      ...(instrumentations.length > 0 ? { nodeSdk: { instrumentations } } : {}),
    });
  } catch (err) {
    if (err instanceof ConfigError) return fail(err.message);
    return fail(`cannot start: ${(err as Error).message}`);
  }
  setGenevaPipelines(handle);
  installShutdownHooks(proc, () => handle.shutdown(), {
    timeoutMs,
    report: (message) => stderr(`${PREFIX} ${message}`),
    timeoutMessage: (via) => timeoutMessage(timeoutMs, via, pendingRecords(handle)),
  });
  // Nothing lost silently: at exit, one line per exporter that dropped records, with the reasons.
  proc.once('exit', () => {
    for (const line of dropSummaryLines(handle)) stderr(`${PREFIX} ${line}`);
  });
  return handle;
}
