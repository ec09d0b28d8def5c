/**
 * The smoke test the deploy workflow runs after each deploy (`npx tsx scripts/deploy/smoke-test.ts`, with
 * API_URL, RELAY_URL and WEB_URL set): the API's /ping, the relay's /healthz, a Socket.IO handshake with a
 * bad token that the relay must refuse, and the web app's index. Each check is retried for a while, since a
 * new revision can take some seconds to take traffic. Exits 1 naming every check that failed.
 */
import { io } from 'socket.io-client';

export interface SmokeTargets {
  apiUrl: string;
  relayUrl: string;
  webUrl: string;
}

export interface SmokeOptions {
  /** How long each check keeps retrying before it fails. @default 60000 */
  retryForMs?: number;
}

type Check = { name: string; run: () => Promise<void> };

async function expectJson(url: string, field: string, value: string): Promise<void> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  const body = (await res.json()) as Record<string, unknown>;
  if (body[field] !== value) throw new Error(`${url} answered ${field}=${String(body[field])}`);
}

/** The relay must refuse a handshake whose token is not a Firebase ID token, with the API's error code. */
function badTokenRefused(relayUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = io(`${relayUrl}/chat`, {
      auth: { token: 'smoke-test-not-a-token' },
      transports: ['websocket'],
      reconnection: false,
      timeout: 10_000,
    });
    const done = (error?: Error) => {
      socket.close();
      if (error) reject(error);
      else resolve();
    };
    socket.once('connect', () => done(new Error('the relay accepted a bad token')));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) =>
      error.data?.code === 'unauthenticated'
        ? done()
        : done(new Error(`handshake failed without the unauthenticated code: ${error.message}`)),
    );
  });
}

async function webIndex(webUrl: string): Promise<void> {
  const res = await fetch(webUrl, { signal: AbortSignal.timeout(10_000) });
  const type = res.headers.get('content-type') ?? '';
  if (res.status !== 200 || !type.startsWith('text/html')) {
    throw new Error(`${webUrl} answered ${res.status} ${type}`);
  }
}

/** Run every check; resolves to the failures, empty when all passed. */
export async function smokeTest(targets: SmokeTargets, options: SmokeOptions = {}): Promise<string[]> {
  const retryForMs = options.retryForMs ?? 60_000;
  const checks: Check[] = [
    { name: 'API /ping', run: () => expectJson(`${targets.apiUrl}/ping`, 'status', 'ok') },
    { name: 'relay /healthz', run: () => expectJson(`${targets.relayUrl}/healthz`, 'status', 'ok') },
    { name: 'relay refuses a bad token', run: () => badTokenRefused(targets.relayUrl) },
    { name: 'web app index', run: () => webIndex(targets.webUrl) },
  ];
  const results = await Promise.all(
    checks.map(async (check) => {
      const deadline = Date.now() + retryForMs;
      for (;;) {
        try {
          await check.run();
          return undefined;
        } catch (error) {
          if (Date.now() >= deadline)
            return `${check.name}: ${error instanceof Error ? error.message : String(error)}`;
          await new Promise((resolve) => setTimeout(resolve, 2_000));
        }
      }
    }),
  );
  return results.filter((failure): failure is string => failure !== undefined);
}

if (require.main === module) {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set.`);
    return value.replace(/\/+$/, '');
  };
  smokeTest({ apiUrl: env('API_URL'), relayUrl: env('RELAY_URL'), webUrl: env('WEB_URL') }).then(
    (failures) => {
      for (const failure of failures) console.error(`FAILED ${failure}`);
      console.log(
        failures.length === 0 ? 'Smoke test passed: 4 checks' : `Smoke test failed: ${failures.length} of 4`,
      );
      process.exit(failures.length === 0 ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
