/**
 * HTTP requests sent exactly as written. `fetch` normalises a URL before it leaves (`..` and `%2e%2e`
 * segments are resolved away, a lone `%` is re-encoded), so hostile paths would never reach the server;
 * node:http sends the request line as given.
 */
import http, { type IncomingHttpHeaders } from 'node:http';

export interface RawRequest {
  method: string;
  /** Appended as-is to the base URL's path: `/chats/..%2Fx?limit=1e999`. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** Send `request` to `base` (an `http://` URL, possibly with a path prefix such as a function URL). */
export function rawRequest(base: string, request: RawRequest, timeoutMs = 20_000): Promise<RawAnswer> {
  const url = new URL(base);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: url.pathname.replace(/\/$/, '') + request.path,
        headers: { ...request.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`${request.method} ${request.path}: no answer in ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Close the kept-alive connections, so Jest can exit. */
export function closeRawConnections(): void {
  agent.destroy();
}
