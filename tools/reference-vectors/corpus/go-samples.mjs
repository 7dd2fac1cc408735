// The Go azuregigwarm exporter's two sample payloads, with their placeholders filled by fixed values
// (nanosecond timestamps, 32/16 hex ids, a 1 s span), so they are byte-stable vectors.
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../../../../shared/fixtures/otlp/', import.meta.url);
const FILL = {
  TIMESTAMP_PLACEHOLDER: '1700000000123456789',
  START_TIME_PLACEHOLDER: '1700000000000000000',
  END_TIME_PLACEHOLDER: '1700000001000000000',
  TRACE_ID_PLACEHOLDER: '0af7651916cd43dd8448eb211c80319c',
  SPAN_ID_PLACEHOLDER: 'b7ad6b7169203331',
};

function filled(file) {
  let text = readFileSync(new URL(file, FIXTURES), 'utf8');
  for (const [placeholder, value] of Object.entries(FILL)) text = text.replaceAll(placeholder, value);
  if (/_PLACEHOLDER/.test(text)) throw new Error(`${file}: unfilled placeholder`);
  return JSON.parse(text);
}

export const goSampleInputs = [
  {
    name: 'go-sample-logs',
    description: 'The Go exporter sample logs payload (sample-logs.template.json), placeholders filled.',
    request: filled('sample-logs.template.json'),
  },
  {
    name: 'go-sample-traces',
    description: 'The Go exporter sample traces payload (sample-traces.template.json), placeholders filled.',
    request: filled('sample-traces.template.json'),
  },
];
