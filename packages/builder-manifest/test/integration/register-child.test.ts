// The zero-code start in a real child process: `node --import <register bundle> app.mjs`. The register
// entry is bundled from src/ with esbuild (as tsup does for dist/register.js, dependencies external), so
// the test never runs a stale build; everything else is real: NodeSDK, signals, exit codes.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateManifest } from '../../src/index.js';
import {
  builderConfig,
  createTempProject,
  FIXTURE_COMPONENTS,
  type TempProject,
} from '../helpers/temp-project.js';

const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));

const APP = `
import { trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
logs.getLogger('app').emit({ body: 'hello from app' });
trace.getTracer('app').startSpan('app-span').end();
console.log('app ran');
if (process.env.APP_WAIT) { setInterval(() => {}, 1000); console.log('ready'); }
`;

// An ES module app: its `node:http` import is only instrumented through the ESM loader hook.
const HTTP_APP = `
import http from 'node:http';
const server = http.createServer((req, res) => res.end('ok'));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
await new Promise((resolve, reject) =>
  http.get('http://127.0.0.1:' + server.address().port + '/orders?id=7', (res) => {
    res.resume();
    res.on('end', resolve);
  }).on('error', reject),
);
server.close();
const handle = globalThis[Symbol.for('geneva-otel.pipelines')];
const { getGenevaPipelines } = await import(process.env.REGISTER_URL);
await handle.forceFlush();
console.log(JSON.stringify({
  same: handle === getGenevaPipelines(),
  exporters: handle.pipelines.exporters.map((e) => e.id + ':' + e.signal + ':' + typeof e.exporter.export),
}));
`;

const CONFIG = `
receivers: { otlp: { protocols: { grpc: } } }
processors: { batch: { timeout: 30s } }
exporters:
  memory: { label: primary, output: "\${env:OUT}" }
  memory/secondary: { label: secondary, output: "\${env:OUT}" }
service:
  pipelines:
    logs: { receivers: [otlp], processors: [batch], exporters: [memory, memory/secondary] }
    traces: { receivers: [otlp], processors: [batch], exporters: [memory, memory/secondary] }
`;

let project: TempProject;
let manifest: string;
let bundleDir: string;
let register: string;
beforeAll(async () => {
  // Inside the package (git-ignored .tmp/) so the bundle's external imports resolve from node_modules.
  mkdirSync(join(PACKAGE_DIR, '.tmp'), { recursive: true });
  bundleDir = mkdtempSync(join(PACKAGE_DIR, '.tmp', 'register-'));
  register = join(bundleDir, 'register.mjs');
  await build({
    entryPoints: [join(PACKAGE_DIR, 'src/register.ts')],
    outfile: register,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    external: ['./generated/components.js'], // the default manifest; these tests name theirs
    logLevel: 'silent',
  });
  project = createTempProject();
  const config = project.write(
    'builder-config.yaml',
    builderConfig({
      exporters: [
        `package: '@fixture/memory-exporter'\npath: ${join(FIXTURE_COMPONENTS, 'memory-exporter')}`,
      ],
    }),
  );
  await generateManifest({ config });
  // The generated plain-ESM manifest: plain node imports it as is.
  manifest = join(project.dir, 'generated/components.js');
  project.write('app.mjs', APP);
  project.write('http-app.mjs', HTTP_APP);
  project.write('otel.yaml', CONFIG);
  project.write(
    'drop.yaml',
    `exporters:\n  memory: { label: lossy, drop: permanent_error }\nservice:\n  pipelines:\n    logs: { exporters: [memory] }\n    traces: { exporters: [memory] }\n`,
  );
  project.write(
    'slow.yaml',
    `exporters:\n  memory: { label: slow, output: "\${env:OUT}", hold_ms: 1500 }\nservice:\n  pipelines:\n    logs: { exporters: [memory] }\n`,
  );
  project.write(
    'bad.yaml',
    'exporters: { memory: { colour: red } }\nservice: { pipelines: { metrics: { exporters: [memory] } } }\n',
  );
});
afterAll(() => {
  project.cleanup();
  rmSync(bundleDir, { recursive: true, force: true });
});

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runApp(
  env: Record<string, string>,
  onStdout?: (text: string, child: ChildProcess) => void,
  app = 'app.mjs',
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', pathToFileURL(register).href, join(project.dir, app)],
      {
        cwd: project.dir,
        env: { PATH: process.env['PATH'] ?? '', OTEL_GENEVA_MANIFEST: manifest, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

const rows = (file: string) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, string>)
        .map((r) => `${r['signal']} ${r['label']} ${r['body'] ?? r['name']}`)
        .sort()
    : [];

const EXPECTED = [
  'logs primary hello from app',
  'logs secondary hello from app',
  'traces primary app-span',
  'traces secondary app-span',
];

describe('node --import …/register', () => {
  it('exports to both named instances and flushes when the app ends (beforeExit)', async () => {
    const out = join(project.dir, 'natural.jsonl');
    const result = await runApp({ OTEL_GENEVA_CONFIG: join(project.dir, 'otel.yaml'), OUT: out });
    expect(result.stderr).toBe('');
    expect(result).toMatchObject({ code: 0, stdout: 'app ran\n' });
    expect(rows(out)).toEqual(EXPECTED); // the 30 s batch timeout never fired: the exit flush sent them
  });

  it('flushes on SIGTERM and then ends by that signal', async () => {
    const out = join(project.dir, 'sigterm.jsonl');
    let sent = false;
    const result = await runApp(
      { OTEL_GENEVA_CONFIG: join(project.dir, 'otel.yaml'), OUT: out, APP_WAIT: '1' },
      (text, child) => {
        if (!sent && text.includes('ready')) {
          sent = true;
          child.kill('SIGTERM');
        }
      },
    );
    expect(result).toMatchObject({ code: null, signal: 'SIGTERM' });
    expect(rows(out)).toEqual(EXPECTED);
  });

  it('OTEL_GENEVA_INSTRUMENTATIONS=http instruments an ES module app; the handle is published', async () => {
    const out = join(project.dir, 'http.jsonl');
    const result = await runApp(
      {
        OTEL_GENEVA_CONFIG: join(project.dir, 'otel.yaml'),
        OUT: out,
        OTEL_GENEVA_INSTRUMENTATIONS: 'http',
        REGISTER_URL: pathToFileURL(register).href,
      },
      undefined,
      'http-app.mjs',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      same: true,
      exporters: [
        'memory:logs:function',
        'memory/secondary:logs:function',
        'memory:traces:function',
        'memory/secondary:traces:function',
      ],
    });
    const spans = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { label: string; name: string; attributes: Record<string, unknown> })
      .filter((r) => r.label === 'primary');
    // a server span and a client span, both from the http instrumentation (flushed once, not twice)
    expect(spans).toHaveLength(2);
    expect(spans.every((s) => s.name === 'GET')).toBe(true);
    expect(spans.map((s) => s.attributes['url.path'] ?? s.attributes['http.target'])).toContain('/orders');
  });

  it('an instrumentation that is not installed stops the app with a clear error', async () => {
    const result = await runApp({
      OTEL_GENEVA_CONFIG: join(project.dir, 'otel.yaml'),
      OTEL_GENEVA_INSTRUMENTATIONS: 'http,undici-not-real',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      "'undici-not-real': @opentelemetry/instrumentation-undici-not-real is not installed (npm install @opentelemetry/instrumentation-undici-not-real)",
    );
  });

  it('drops are visible by default (warn diag logger) and summed up per exporter at exit', async () => {
    const result = await runApp({ OTEL_GENEVA_CONFIG: join(project.dir, 'drop.yaml') });
    expect(result).toMatchObject({ code: 0, stdout: 'app ran\n' });
    expect(result.stderr).toContain('memory: dropped 1 record(s): permanent_error'); // the diag warn line
    expect(result.stderr).toContain(
      'geneva-otel: exporter memory (logs): 1 record(s) NOT delivered: permanent_error=1',
    );
    expect(result.stderr).toContain(
      'geneva-otel: exporter memory (traces): 1 record(s) NOT delivered: permanent_error=1',
    );
    // OTEL_LOG_LEVEL=none silences diag; the exit summary still tells
    const quiet = await runApp({
      OTEL_GENEVA_CONFIG: join(project.dir, 'drop.yaml'),
      OTEL_LOG_LEVEL: 'none',
    });
    expect(quiet.stderr).not.toContain('memory: dropped');
    expect(quiet.stderr).toContain('geneva-otel: exporter memory (logs): 1 record(s) NOT delivered');
  });

  it('a flush outliving OTEL_GENEVA_SHUTDOWN_TIMEOUT_MS says the record is still being delivered, and it is', async () => {
    const out = join(project.dir, 'slow.jsonl');
    const result = await runApp({
      OTEL_GENEVA_CONFIG: join(project.dir, 'slow.yaml'),
      OUT: out,
      OTEL_GENEVA_SHUTDOWN_TIMEOUT_MS: '200',
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'geneva-otel: flush did not finish within 200 ms; still delivering 1 record(s) in the background',
    );
    expect(result.stderr).not.toContain('NOT delivered');
    expect(rows(out)).toEqual(['logs slow hello from app']); // delivered after the message: it was true
  });

  it('a YAML syntax error on a password line gives line and column, never the line itself', async () => {
    const file = project.write(
      'yaml-secret.yaml',
      'exporters:\n  memory:\n    label: x\n    cert_password: "Hunter2-secret\n      x: [\n',
    );
    const result = await runApp({ OTEL_GENEVA_CONFIG: file });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/at line \d+, column \d+/);
    expect(result.stderr).not.toContain('Hunter2');
    expect(result.stdout).not.toContain('Hunter2');
  });

  it('a bad config stops the app with every problem listed; continue mode runs it without export', async () => {
    const bad = await runApp({ OTEL_GENEVA_CONFIG: join(project.dir, 'bad.yaml') });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe(''); // the app never ran
    expect(bad.stderr).toContain('geneva-otel: invalid configuration');
    expect(bad.stderr).toContain('- service.pipelines.metrics: metrics pipelines are not supported');
    const cont = await runApp({
      OTEL_GENEVA_CONFIG: join(project.dir, 'bad.yaml'),
      OTEL_GENEVA_ON_CONFIG_ERROR: 'continue',
    });
    expect(cont).toMatchObject({ code: 0, stdout: 'app ran\n' });
    expect(cont.stderr).toContain('continuing without exporting telemetry');
  });
});
