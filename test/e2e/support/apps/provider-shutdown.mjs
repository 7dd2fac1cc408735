// A script that owns its LoggerProvider (no register hook): emits one log record and awaits
// provider.shutdown(). The shutdown must settle (no unsettled top-level await) after delivering.
// GENEVA_BLOCK holds the azuregigwarm block as JSON.
import { GenevaLogRecordExporter } from '@geneva-otel/otel-plugin';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';

const exporter = new GenevaLogRecordExporter({ config: JSON.parse(process.env.GENEVA_BLOCK ?? '{}') });
const provider = new LoggerProvider({ processors: [new BatchLogRecordProcessor({ exporter })] });
provider.getLogger('script').emit({ body: 'shutdown hello' });
await provider.shutdown();
console.log(JSON.stringify(exporter.stats()));
