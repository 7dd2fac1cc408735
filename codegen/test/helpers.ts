import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Absolute path inside the repository. */
export const repo = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));
/** Absolute path inside the codegen package. */
export const pkg = (p: string): string => fileURLToPath(new URL(`../${p}`, import.meta.url));

export const fixtureModule = pkg('testdata/azuregigwarmexporter');
export const constructsModule = pkg('testdata/constructs');
export const unsupportedModule = pkg('testdata/unsupported');
export const overlayFile = repo('schema/azuregigwarm.overlay.json');
export const goSchemaFile = repo('schema/azuregigwarm.schema.json');
export const generatedDir = repo('packages/otel-plugin/src/config/generated');

/** The doc page's example block, `${env:...}` already resolved to a string (as the collector does). */
export function docExample(): Record<string, unknown> {
  // The collector expands `${env:X}` before decoding; the test does the same with a fixed value.
  const text = readFileSync(pkg('test/fixtures/doc-example.yaml'), 'utf8').replace(
    /\$\{env:GENEVA_CERT_PASSWORD\}/,
    'pfx-password',
  );
  const doc = parse(text) as { exporters: { azuregigwarm: Record<string, unknown> } };
  return doc.exporters.azuregigwarm;
}
