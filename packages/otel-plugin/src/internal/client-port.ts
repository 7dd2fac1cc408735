/** The slice of geneva-core's `GenevaClient` the plugin uses; tests and advanced users may supply their own. */
import type { RejectedRecord, UploadableBatch, UploadResult } from './core.js';

/** What encoding a request yields, as far as the exporters need it. */
export interface PortEncodeResult {
  batches: UploadableBatch[];
  rejected: RejectedRecord[];
}

/** What the exporters need from a Geneva client: encode, upload ONE batch (one logical attempt), close. */
export interface GenevaClientPort {
  encodeLogs(request: unknown): PortEncodeResult;
  encodeSpans(request: unknown): PortEncodeResult;
  upload(batch: UploadableBatch, options?: { signal?: AbortSignal }): Promise<UploadResult>;
  close(): Promise<void>;
}
