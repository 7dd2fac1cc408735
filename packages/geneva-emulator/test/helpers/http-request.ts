// A tiny node:http(s) client for tests: status, headers and body of one request, with optional
// CA, client PKCS#12 and a fresh connection each time (agent: false).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface TestResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are asserted field by field
  json: () => any;
}

export interface TestRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  ca?: string;
  pfx?: Buffer;
  passphrase?: string;
  cert?: string;
  key?: string;
}

export function send(url: string, options: TestRequestOptions = {}): Promise<TestResponse> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const fn = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = fn(
      target,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
        ...(secure
          ? {
              ca: options.ca,
              pfx: options.pfx,
              passphrase: options.passphrase,
              cert: options.cert,
              key: options.key,
            }
          : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}
