/** Test doubles for code that uses the Geneva exporters (`@geneva-otel/otel-plugin/testing`). */
export {
  createInMemoryGenevaClient,
  type InMemoryGenevaClient,
  type RecordedUpload,
  type Responder,
} from './testing/in-memory-geneva-client.js';
