import type { LogRecordExporter } from '@opentelemetry/sdk-logs';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

/** Telemetry signals named in collector metadata (`status.stability`). */
export type Signal = 'logs' | 'traces' | 'metrics' | 'profiles';

/** Collector stability levels (`mdatagen`). */
export type StabilityLevel = 'development' | 'alpha' | 'beta' | 'stable' | 'deprecated' | 'unmaintained';

/** Component classes (`status.class` in `metadata.yaml`). */
export type ComponentClass = 'exporter' | 'receiver' | 'processor' | 'extension' | 'connector';

/** Builder config sections that list components, with the class each one must have. */
export const COMPONENT_SECTIONS = {
  exporters: 'exporter',
  receivers: 'receiver',
  processors: 'processor',
} as const satisfies Record<string, ComponentClass>;

/** One of `exporters`, `receivers`, `processors`. */
export type ComponentSection = keyof typeof COMPONENT_SECTIONS;

/**
 * What the runtime passes to a factory's `create*Exporter` as its second argument (the collector's
 * `exporter.Settings`): the id and environment, plus any `exporterSettings` given to the runtime
 * (e.g. `meterProvider`, or `clientOptions` for `azuregigwarm`).
 */
export interface ExporterCreateSettings {
  /** The component id from the config, e.g. `azuregigwarm/secondary`. */
  id: string;
  /** The environment used for `${env:…}` substitution. */
  env: Readonly<Record<string, string | undefined>>;
  [setting: string]: unknown;
}

/**
 * The shape every exporter factory in a manifest satisfies (the collector's `exporter.Factory`):
 * `createAzureGigWarmFactory()` from `@geneva-otel/otel-plugin` is one.
 */
export interface ExporterFactoryLike {
  readonly type: string;
  createDefaultConfig?(): unknown;
  createLogsExporter?(config: unknown, settings?: ExporterCreateSettings): LogRecordExporter;
  createTracesExporter?(config: unknown, settings?: ExporterCreateSettings): SpanExporter;
}

/** One component of a generated manifest. */
export interface ManifestComponent<F = unknown> {
  readonly type: string;
  readonly package: string;
  /** Installed version of `package` when the manifest was generated. */
  readonly version: string;
  /** The package's factory function (called once per runtime to get the factory). */
  readonly factory: () => F;
  /** Stability per supported signal; a signal that is absent is not supported. */
  readonly stability: Readonly<Partial<Record<Signal, StabilityLevel>>>;
}

/** The generated components manifest: component type → factory, per class (the collector's `components.go`). */
export interface ComponentsManifest {
  readonly dist: { readonly name: string; readonly description: string; readonly version?: string };
  readonly exporters: Readonly<Record<string, ManifestComponent<ExporterFactoryLike>>>;
  readonly receivers: Readonly<Record<string, ManifestComponent>>;
  readonly processors: Readonly<Record<string, ManifestComponent>>;
}

/** One resolved component, as written to the JSON form of the manifest. */
export interface ResolvedComponent {
  type: string;
  class: ComponentClass;
  package: string;
  version: string;
  /** Module specifier the generated TypeScript imports (the package name, or a relative path for `path:` entries). */
  import: string;
  /** Named export of `import` that returns the factory. */
  factory: string;
  stability: Partial<Record<Signal, StabilityLevel>>;
}

/** The JSON form of the manifest (`components.json`), and the model the TypeScript form is emitted from. */
export interface ManifestModel {
  dist: { name: string; description: string; version?: string };
  /** Builder config path relative to the output folder (posix separators). */
  source: string;
  exporters: ResolvedComponent[];
  receivers: ResolvedComponent[];
  processors: ResolvedComponent[];
}
