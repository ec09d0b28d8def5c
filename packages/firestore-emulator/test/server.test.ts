import { spawn } from 'child_process';
import * as path from 'path';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { startEmulator, type RunningEmulator } from '../src/server';

/** The one-port server: gRPC and the HTTP/1.1 emulator endpoints side by side, and the CLI. */

let emulator: RunningEmulator;
let app: App;
let db: Firestore;
let base: string;
let previousHost: string | undefined;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  base = `http://${emulator.hostAndPort}`;
  previousHost = process.env.FIRESTORE_EMULATOR_HOST;
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostAndPort;
  app = initializeApp({ projectId: 'demo-http' }, `http-${Date.now()}`);
  db = getFirestore(app);
});

afterAll(async () => {
  await deleteApp(app);
  await emulator.stop();
  if (previousHost === undefined) delete process.env.FIRESTORE_EMULATOR_HOST;
  else process.env.FIRESTORE_EMULATOR_HOST = previousHost;
});

const triggerBody = {
  eventType: 'google.cloud.firestore.document.v1.created',
  database: '(default)',
  namespace: '(default)',
  document: { value: 'rooms/{roomId}', matchType: 'PATH_PATTERN' },
};

describe('When the HTTP endpoints are called on the gRPC port', () => {
  it('then GET / answers Ok', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('Ok');
  });

  it('then DELETE of a database clears its documents and only its', async () => {
    await db.doc('rooms/r1').set({ a: 1 });
    const other = initializeApp({ projectId: 'demo-other' }, `other-${Date.now()}`);
    await getFirestore(other).doc('rooms/r1').set({ a: 1 });
    const res = await fetch(`${base}/emulator/v1/projects/demo-http/databases/(default)/documents`, {
      method: 'DELETE',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    expect((await db.doc('rooms/r1').get()).exists).toBe(false);
    expect((await getFirestore(other).doc('rooms/r1').get()).exists).toBe(true);
    await deleteApp(other);
  });

  it('then a 2nd-gen trigger can be registered, listed and unregistered', async () => {
    const url = `${base}/emulator/v1/projects/demo-http/eventarcTrigger?eventarcTriggerId=fn-0`;
    const created = await fetch(url, { method: 'POST', body: JSON.stringify(triggerBody) });
    expect(created.status).toBe(200);
    const listed = (await (
      await fetch(`${base}/emulator/v1/projects/demo-http/eventarcTriggers`)
    ).json()) as {
      triggers: Array<{ key: string }>;
    };
    expect(listed.triggers.map((t) => t.key)).toEqual(['fn-0']);
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(200);
    const after = (await (await fetch(`${base}/emulator/v1/projects/demo-http/eventarcTriggers`)).json()) as {
      triggers: unknown[];
    };
    expect(after.triggers).toEqual([]);
  });

  it.each([
    ['bad JSON', 'POST', '/emulator/v1/projects/p/eventarcTrigger?eventarcTriggerId=k', '{nope', 400],
    [
      'a missing trigger id',
      'POST',
      '/emulator/v1/projects/p/eventarcTrigger',
      JSON.stringify(triggerBody),
      400,
    ],
    [
      'an unknown event type',
      'POST',
      '/emulator/v1/projects/p/eventarcTrigger?eventarcTriggerId=k',
      '{"eventType":"x"}',
      400,
    ],
    ['an unknown path', 'GET', '/nope', undefined, 404],
    ['a wrong method', 'PATCH', '/', undefined, 405],
    ['a 1st-gen trigger', 'PUT', '/emulator/v1/projects/p/triggers/k', '{}', 501],
    ['a data export', 'POST', '/emulator/v1/projects/p:export', '{}', 501],
    ['a bad functions host', 'PUT', '/emulator/v1/functionsEmulatorHost', '{"host":"no port"}', 400],
  ])('then %s gets a JSON error, not a crash', async (_what, method, urlPath, body, status) => {
    const res = await fetch(`${base}${urlPath}`, { method, body });
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error: { code: number; status: string; message: string } };
    expect(json.error.code).toBe(status);
    expect(json.error.message).toEqual(expect.any(String));
    expect((await fetch(`${base}/`)).status).toBe(200);
  });
});

describe('When a request is over 10 MiB', () => {
  it('then the commit fails with INVALID_ARGUMENT and the server keeps serving', async () => {
    const big = 'x'.repeat(900 * 1024);
    const batch = db.batch();
    for (let i = 0; i < 12; i++) batch.set(db.doc(`big/d${i}`), { big });
    await expect(batch.commit()).rejects.toMatchObject({ code: 3 });
    await db.doc('big/ok').set({ ok: true });
    expect((await db.doc('big/ok').get()).get('ok')).toBe(true);
  });
});

describe('When the CLI runs', () => {
  const cli = path.join(__dirname, '..', 'src', 'cli.ts');
  const tsx = require.resolve('tsx/cli');

  function run(args: string[]) {
    const child = spawn(process.execPath, [tsx, cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, exited, out: () => stdout, err: () => stderr };
  }

  it('then bad flags exit with code 2 and say why', async () => {
    const r = run(['--port', 'eighty']);
    expect(await r.exited).toBe(2);
    expect(r.err()).toContain('--port must be an integer');
    const unknown = run(['--nope']);
    expect(await unknown.exited).toBe(2);
  }, 20_000);

  it('then it prints its address once ready and stops on SIGTERM', async () => {
    const r = run(['--port', '0', '--project', 'demo-cli']);
    const deadline = Date.now() + 15_000;
    while (!/ready on (\S+)/.test(r.out()) && Date.now() < deadline)
      await new Promise((s) => setTimeout(s, 50));
    const address = /ready on (\S+)/.exec(r.out())?.[1];
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`http://${address}/`)).text()).toBe('Ok');
    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
  }, 20_000);
});
