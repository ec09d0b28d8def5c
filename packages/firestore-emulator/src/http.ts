import type * as http from 'http';
import type { Store } from './store';
import { TriggerValidationError, type TriggerDispatcher } from './triggers';

/**
 * The emulator-only HTTP/1.1 endpoints, served on the gRPC port as the official emulator does:
 *
 * - `GET /` → "Ok" (firebase-tools and launchers probe it).
 * - `DELETE /emulator/v1/projects/{p}/databases/{db}/documents` clears that database.
 * - `POST|DELETE /emulator/v1/projects/{p}/eventarcTrigger?eventarcTriggerId={key}` (un)registers a
 *   2nd-gen trigger; firebase-tools only ever POSTs (it re-registers under a new key on reload).
 * - `GET /emulator/v1/projects/{p}/eventarcTriggers` lists them (ours, for launchers and tests).
 * - `PUT /emulator/v1/functionsEmulatorHost` `{"host":"127.0.0.1:5001"}` says where to deliver events
 *   (ours; the firebase-tools bridge calls it).
 * - `PUT /emulator/v1/projects/{p}/triggers/{key}` (1st-gen triggers) and `POST …/projects/{p}:export` → 501.
 *
 * Errors use one envelope, `{ error: { code, status, message } }`, like Google APIs.
 */

export interface HttpHandlerDeps {
  store: Store;
  triggers: TriggerDispatcher;
  log: (line: string) => void;
}

/** An error that carries its HTTP status and a stable machine code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY_BYTES = 1024 * 1024;

type Route = (req: http.IncomingMessage, match: RegExpExecArray, url: URL) => Promise<unknown>;

/** Builds the request listener; every route returns a JSON body or throws an HttpError. */
export function createHttpHandler(deps: HttpHandlerDeps): http.RequestListener {
  const routes = defineRoutes(deps);
  return (req, res) => {
    void handle(routes, req, res).catch((err: unknown) => {
      deps.log(
        `HTTP ${req.method ?? '?'} ${req.url ?? '?'} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
      if (!res.headersSent)
        sendJson(res, 500, errorBody(new HttpError(500, 'INTERNAL', 'internal emulator error')));
      else res.destroy();
    });
  };
}

interface RouteTable {
  pattern: RegExp;
  methods: Record<string, Route>;
}

function defineRoutes({ store, triggers }: HttpHandlerDeps): RouteTable[] {
  const segment = '([^/]+)';
  return [
    {
      pattern: /^\/$/,
      methods: { GET: async () => 'Ok' },
    },
    {
      pattern: new RegExp(`^/emulator/v1/projects/${segment}/databases/${segment}/documents$`),
      methods: {
        DELETE: async (_req, m) => {
          const database = `projects/${decode(m[1])}/databases/${decode(m[2])}`;
          triggers.withoutDelivery(() => store.clear(database));
          return {};
        },
      },
    },
    {
      pattern: new RegExp(`^/emulator/v1/projects/${segment}/eventarcTrigger$`),
      methods: {
        POST: async (req, m, url) => {
          const body = await readJson(req);
          try {
            triggers.register(decode(m[1]), triggerKey(url), body);
          } catch (err) {
            if (err instanceof TriggerValidationError)
              throw new HttpError(400, 'INVALID_ARGUMENT', err.message);
            throw err;
          }
          return {};
        },
        DELETE: async (_req, m, url) => {
          triggers.unregister(decode(m[1]), triggerKey(url));
          return {};
        },
      },
    },
    {
      pattern: new RegExp(`^/emulator/v1/projects/${segment}/eventarcTriggers$`),
      methods: { GET: async (_req, m) => ({ triggers: triggers.list(decode(m[1])) }) },
    },
    {
      pattern: /^\/emulator\/v1\/functionsEmulatorHost$/,
      methods: {
        PUT: async (req) => {
          const body = await readJson(req);
          const host =
            typeof body === 'object' && body !== null ? (body as { host?: unknown }).host : undefined;
          if (typeof host !== 'string')
            throw new HttpError(400, 'INVALID_ARGUMENT', 'body must be {"host":"host:port"}');
          try {
            triggers.setFunctionsEmulatorHost(host);
          } catch (err) {
            if (err instanceof TriggerValidationError)
              throw new HttpError(400, 'INVALID_ARGUMENT', err.message);
            throw err;
          }
          return {};
        },
        GET: async () => ({ host: triggers.functionsEmulatorHost ?? null }),
      },
    },
    {
      // firebase-tools' export (emulators:export, --export-on-exit) calls this on every running Firestore.
      pattern: /^\/emulator\/v1\/projects\/[^/]+:export$/,
      methods: {
        POST: async () => {
          throw new HttpError(
            501,
            'UNIMPLEMENTED',
            'data export is not supported by the Node Firestore emulator',
          );
        },
      },
    },
    {
      pattern: new RegExp(`^/emulator/v1/projects/${segment}/triggers/(.+)$`),
      methods: {
        PUT: async () => {
          throw new HttpError(
            501,
            'UNIMPLEMENTED',
            '1st-gen Firestore triggers (firebase-functions/v1) are not supported by this emulator; use 2nd-gen onDocument* triggers',
          );
        },
      },
    },
  ];
}

async function handle(
  routes: RouteTable[],
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const method = req.method ?? 'GET';
  try {
    for (const route of routes) {
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      const handler = route.methods[method];
      if (!handler)
        throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${url.pathname}`);
      const result = await handler(req, match, url);
      if (typeof result === 'string') {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(result);
      } else {
        sendJson(res, 200, result);
      }
      return;
    }
    throw new HttpError(404, 'NOT_FOUND', `no such endpoint: ${method} ${url.pathname}`);
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    req.resume();
    sendJson(res, err.status, errorBody(err));
  }
}

function triggerKey(url: URL): string {
  const key = url.searchParams.get('eventarcTriggerId');
  if (!key) throw new HttpError(400, 'INVALID_ARGUMENT', 'the eventarcTriggerId query parameter is required');
  return key;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'INVALID_ARGUMENT', `malformed path segment: ${segment}`);
  }
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', `the body is over ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text.trim() === '' ? {} : JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'INVALID_ARGUMENT', 'the body is not valid JSON'));
      }
    });
  });
}

function errorBody(err: HttpError): { error: { code: number; status: string; message: string } } {
  return { error: { code: err.status, status: err.code, message: err.message } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
