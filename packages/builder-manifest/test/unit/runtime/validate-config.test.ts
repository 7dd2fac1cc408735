import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError } from '../../../src/errors.js';
import { validateConfig } from '../../../src/runtime/validate-config.js';
import { fixtureManifest } from '../../helpers/fixture-manifest.js';

const GOOD = `
receivers:
  otlp:
    protocols: { grpc: }
processors:
  batch:
    timeout: 1s
  memory_limiter:
    check_interval: 1s
exporters:
  memory:
    label: primary
  memory/secondary:
  logsonly:
service:
  telemetry:
    logs: { level: debug }
  pipelines:
    logs:
      receivers: [otlp]
      processors: [memory_limiter, batch]
      exporters: [memory, memory/secondary, logsonly]
    traces:
      receivers: [otlp]
      exporters: [memory, memory/secondary]
`;

function issuesOf(yaml: string, options = {}) {
  try {
    validateConfig(parse(yaml), fixtureManifest, options);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues.map((i) => `${i.code} ${i.path}: ${i.message}`);
  }
  throw new Error('expected a ConfigError');
}

describe('validateConfig', () => {
  it('plans one exporter per (pipeline signal, exporter id), with batch settings and warnings', () => {
    const plan = validateConfig(parse(GOOD), fixtureManifest);
    expect(plan.exporters.map((e) => `${e.signal} ${e.id}`)).toEqual([
      'logs memory',
      'logs memory/secondary',
      'logs logsonly',
      'traces memory',
      'traces memory/secondary',
    ]);
    expect(plan.exporters[0]).toMatchObject({
      config: { label: 'primary' },
      batch: { scheduledDelayMillis: 1000 },
    });
    expect(plan.exporters[1]?.config).toEqual({});
    expect(plan.exporters[3]?.batch).toBeUndefined();
    expect(plan.warnings).toEqual([
      'service.telemetry: ignored (collector self-telemetry)',
      'service.pipelines.logs.receivers: ignored (the OpenTelemetry SDK in this process is the receiver)',
      "service.pipelines.logs.processors[0]: 'memory_limiter' ignored (the SDK batch queue is bounded)",
      'service.pipelines.traces.receivers: ignored (the OpenTelemetry SDK in this process is the receiver)',
    ]);
  });

  it('reports every problem at once, each with its path', () => {
    const issues = issuesOf(`
colour: red
exporters:
  memory:
  otlp:
  'Bad Id':
processors:
  attributes/redact:
service:
  extras: 1
  pipelines:
    logs:
      receivers: [otlp]
      processors: [attributes/redact, nope]
      exporters: [memory, memory/missing]
      extra: []
    traces:
      exporters: [logsonly]
    metrics:
      exporters: [memory]
    traces/empty:
      exporters: []
`);
    expect(issues).toEqual([
      'GENEVA_CONFIG_ERR_UNKNOWN_KEY colour: unknown key (allowed: receivers, processors, exporters, extensions, connectors, service)',
      "GENEVA_CONFIG_ERR_UNKNOWN_TYPE exporters.otlp: unknown exporter type 'otlp': the components manifest 'fixture-dist' has memory, logsonly",
      "GENEVA_CONFIG_ERR_COMPONENT_ID exporters.Bad Id: 'Bad Id' is not a component id (type or type/name)",
      'GENEVA_CONFIG_ERR_UNKNOWN_KEY service.extras: unknown key (allowed: pipelines, extensions, telemetry)',
      'GENEVA_CONFIG_ERR_UNKNOWN_KEY service.pipelines.logs.extra: unknown key (allowed: receivers, processors, exporters)',
      "GENEVA_CONFIG_ERR_UNDEFINED_COMPONENT service.pipelines.logs.receivers[0]: references receiver 'otlp' which is not configured under receivers:",
      "GENEVA_CONFIG_ERR_UNSUPPORTED_PROCESSOR service.pipelines.logs.processors[0]: processor 'attributes/redact' cannot run in the SDK (only batch; memory_limiter and resourcedetection are ignored); remove it, do it in the SDK, or set ignoreUnsupportedProcessors",
      "GENEVA_CONFIG_ERR_UNDEFINED_COMPONENT service.pipelines.logs.processors[1]: references processor 'nope' which is not configured under processors:",
      "GENEVA_CONFIG_ERR_UNDEFINED_COMPONENT service.pipelines.logs.exporters[1]: references exporter 'memory/missing' which is not configured under exporters:",
      "GENEVA_CONFIG_ERR_UNDEFINED_COMPONENT service.pipelines.traces.exporters[0]: references exporter 'logsonly' which is not configured under exporters:",
      'GENEVA_CONFIG_ERR_UNSUPPORTED_PIPELINE service.pipelines.metrics: metrics pipelines are not supported: this runtime exports logs and traces only; remove the pipeline',
      'GENEVA_CONFIG_ERR_NO_EXPORTERS service.pipelines.traces/empty.exporters: a pipeline needs at least one exporter',
    ]);
  });

  it('rejects a pipeline naming an exporter that does not support its signal', () => {
    const issues = issuesOf(`
exporters: { logsonly: }
service: { pipelines: { traces: { exporters: [logsonly] } } }
`);
    expect(issues).toEqual([
      "GENEVA_CONFIG_ERR_UNSUPPORTED_SIGNAL service.pipelines.traces.exporters[0]: exporter 'logsonly' does not support traces (its metadata lists: logs)",
    ]);
  });

  it('rejects one exporter in two pipelines of one signal (each record would be exported twice)', () => {
    const issues = issuesOf(`
exporters: { memory: }
service: { pipelines: { logs: { exporters: [memory] }, logs/b: { exporters: [memory] } } }
`);
    expect(issues[0]).toMatch(
      /service.pipelines.logs\/b.exporters\[0\]: exporter 'memory' is used also by pipeline 'logs'/,
    );
  });

  it('rejects a missing service, empty pipelines, connectors and unknown signals', () => {
    expect(issuesOf('exporters: { memory: }')).toEqual([
      'GENEVA_CONFIG_ERR_TYPE service: required: a mapping with pipelines',
    ]);
    expect(issuesOf('service: { pipelines: {} }')).toEqual([
      'GENEVA_CONFIG_ERR_TYPE service.pipelines: required: at least one logs or traces pipeline',
    ]);
    expect(
      issuesOf('connectors: { spanmetrics: {} }\nservice: { pipelines: { events: { exporters: [x] } } }'),
    ).toEqual([
      'GENEVA_CONFIG_ERR_UNSUPPORTED_PIPELINE connectors: connectors are not supported: the SDK is the only receiver, pipelines cannot feed each other',
      "GENEVA_CONFIG_ERR_COMPONENT_ID service.pipelines.events: unknown signal 'events' (logs or traces)",
    ]);
    expect(issuesOf('- a\n- b')).toEqual(['GENEVA_CONFIG_ERR_TYPE (root): must be a YAML mapping']);
  });

  it('can ignore unsupported processors on request, with a warning', () => {
    const plan = validateConfig(
      parse(
        'processors: { k8sattributes: }\nexporters: { memory: }\nservice: { pipelines: { logs: { processors: [k8sattributes], exporters: [memory] } } }',
      ),
      fixtureManifest,
      { ignoreUnsupportedProcessors: true },
    );
    expect(plan.warnings).toEqual([
      "service.pipelines.logs.processors[0]: 'k8sattributes' ignored (processor does not run in the SDK)",
    ]);
  });
});
