// A short-lived app for the zero-code start: emits one log record and returns at once. Run as
// `node --import @geneva-otel/builder-manifest/register emit-one-log.mjs`; the register hook must
// deliver the record before the process exits, even when the first upload has to be retried.
import { logs } from '@opentelemetry/api-logs';

logs
  .getLogger('short-lived-app')
  .emit({ body: 'short-lived hello', attributes: { 'app.run': 'register-retry' } });
console.log('app ran');
