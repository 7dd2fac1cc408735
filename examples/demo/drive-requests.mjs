// Load generator of the demo: `count` real HTTP requests against the service, `concurrency` at a
// time, each carrying its own request id. Returns the ids the service answered 200 to.

/**
 * @param {string} baseUrl  e.g. http://127.0.0.1:41234
 * @param {{ count: number, concurrency: number, onProgress?: (done: number) => void }} options
 * @returns {Promise<{ ok: string[], failed: { id: string, error: string }[] }>}
 */
export async function driveRequests(baseUrl, { count, concurrency, onProgress }) {
  const ok = [];
  const failed = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const id = `req-${String(n).padStart(4, '0')}`;
      // Every 10th request is a checkout: it also emits a named event (its own Geneva event table).
      const path = n % 10 === 0 ? `/checkout/${n}` : `/items/${n % 37}`;
      try {
        const res = await fetch(`${baseUrl}${path}`, { headers: { 'x-request-id': id } });
        await res.arrayBuffer();
        if (res.status === 200) ok.push(id);
        else failed.push({ id, error: `HTTP ${res.status}` });
      } catch (err) {
        failed.push({ id, error: err instanceof Error ? err.message : String(err) });
      }
      done++;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ok, failed };
}
