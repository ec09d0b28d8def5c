import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { startEmulator, type RunningEmulator } from '../src/server';

/**
 * The whole trigger path, with the real firebase-tools: our emulator runs here; firebase-tools runs
 * `emulators:start --only functions` with the firebase-tools-bridge preload and the fixture codebase in
 * test/fixtures/trigger-functions; a document written through firebase-admin must run the fixture's
 * onDocumentCreated function, which records its event.params and data in another document.
 *
 * The bridge is transpiled from src into a temp file, so the test checks the source without needing a
 * build. Every port is free-picked and every process is killed by its process group.
 */

const PROJECT = 'demo-trigger-test';
const FIXTURE = path.join(__dirname, 'fixtures', 'trigger-functions');
const FIREBASE_CLI = require.resolve('firebase-tools/lib/bin/firebase.js');

jest.setTimeout(180_000);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function transpileBridge(dir: string): string {
  const source = fs.readFileSync(path.join(__dirname, '..', 'src', 'firebase-tools-bridge.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  const file = path.join(dir, 'firebase-tools-bridge.js');
  fs.writeFileSync(file, outputText);
  return file;
}

let emulator: RunningEmulator;
let firebase: ChildProcess | undefined;
let firebaseExited: Promise<void> | undefined;
let output = '';
let configFile: string;
let tempDir: string;
let app: App;
let db: Firestore;
let previousHost: string | undefined;
let hubPort: number;

const tail = (): string => output.slice(-4000);

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (firebase && firebase.exitCode !== null) {
      throw new Error(
        `firebase-tools exited (code ${firebase.exitCode}) before ${what}. Its output:\n${tail()}`,
      );
    }
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s. firebase-tools output:\n${tail()}`);
}

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    projectId: PROJECT,
    log: (line) => (output += `[firestore] ${line}\n`),
  });
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trigger-delivery-'));
  const bridge = transpileBridge(tempDir);
  const functionsPort = await freePort();
  hubPort = await freePort();
  const loggingPort = await freePort();
  // --config makes the fixture folder the project folder, so the codebase source '.' is the fixture.
  configFile = path.join(FIXTURE, `firebase.test-${process.pid}.json`);
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      functions: [{ source: '.', codebase: 'trigger-fixture', ignore: ['firebase*.json', '*.log'] }],
      emulators: {
        singleProjectMode: true,
        functions: { host: '127.0.0.1', port: functionsPort },
        hub: { host: '127.0.0.1', port: hubPort },
        logging: { host: '127.0.0.1', port: loggingPort },
        ui: { enabled: false },
      },
    }),
  );

  const env: NodeJS.ProcessEnv = { ...process.env, NODE_FIRESTORE_EMULATOR_HOST: emulator.hostAndPort };
  delete env.FIRESTORE_EMULATOR_HOST;
  delete env.FUNCTIONS_EMULATOR_HOST;
  firebase = spawn(
    process.execPath,
    [
      '-r',
      bridge,
      FIREBASE_CLI,
      'emulators:start',
      '--only',
      'functions',
      '--project',
      PROJECT,
      '--config',
      configFile,
    ],
    { cwd: FIXTURE, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const child = firebase;
  firebaseExited = new Promise((resolve) => child.once('exit', () => resolve()));
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  await waitUntil(
    'the Functions emulator registered its trigger with our emulator',
    async () => {
      const res = await fetch(
        `http://${emulator.hostAndPort}/emulator/v1/projects/${PROJECT}/eventarcTriggers`,
      );
      return ((await res.json()) as { triggers: unknown[] }).triggers.length > 0;
    },
    120_000,
  );
  await waitUntil(
    'the bridge told our emulator where the Functions emulator is',
    async () => {
      const res = await fetch(`http://${emulator.hostAndPort}/emulator/v1/functionsEmulatorHost`);
      return ((await res.json()) as { host: string | null }).host === `127.0.0.1:${functionsPort}`;
    },
    30_000,
  );

  previousHost = process.env.FIRESTORE_EMULATOR_HOST;
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostAndPort;
  app = initializeApp({ projectId: PROJECT }, `trigger-delivery-${Date.now()}`);
  db = getFirestore(app);
});

afterAll(async () => {
  if (app) await deleteApp(app);
  if (firebase?.pid && firebase.exitCode === null) {
    const pid = firebase.pid;
    process.kill(-pid, 'SIGINT');
    const killed = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 20_000);
    await firebaseExited;
    clearTimeout(killed);
  }
  // The function runtimes share firebase-tools' process group; make sure none outlives it.
  if (firebase?.pid) {
    try {
      process.kill(-firebase.pid, 'SIGKILL');
    } catch {
      // the group is empty
    }
  }
  if (configFile) fs.rmSync(configFile, { force: true });
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  await emulator?.stop();
  if (previousHost === undefined) delete process.env.FIRESTORE_EMULATOR_HOST;
  else process.env.FIRESTORE_EMULATOR_HOST = previousHost;
});

describe('When firebase-tools runs the functions with the bridge and a matching document is created', () => {
  it('then the 2nd-gen function runs with the right event.params and data', async () => {
    const sentAt = Timestamp.fromMillis(1_700_000_000_123);
    await db
      .doc('rooms/r1/messages/m1')
      .set({ text: 'hello', n: 42, sentAt, tags: ['a', 'b'], meta: { edited: false } });
    await db.doc('rooms/r1').set({ name: 'not a message' });

    const run = db.doc('triggerRuns/r1__m1');
    await waitUntil('the function recorded its run', async () => (await run.get()).exists, 90_000);
    const recorded = (await run.get()).data();
    expect(recorded).toMatchObject({
      params: { roomId: 'r1', messageId: 'm1' },
      data: { text: 'hello', n: 42, tags: ['a', 'b'], meta: { edited: false } },
      path: 'rooms/r1/messages/m1',
      type: 'google.cloud.firestore.document.v1.created',
      source: `//firestore.googleapis.com/projects/${PROJECT}/databases/(default)`,
      subject: 'documents/rooms/r1/messages/m1',
      document: 'rooms/r1/messages/m1',
    });
    expect((recorded?.data as { sentAt: Timestamp }).sentAt.isEqual(sentAt)).toBe(true);
    expect((await db.collection('triggerRuns').get()).size).toBe(1);
  });

  it('then the Emulator Hub lists our emulator as firestore', async () => {
    const res = await fetch(`http://127.0.0.1:${hubPort}/emulators`);
    const emulators = (await res.json()) as Record<string, { host: string; port: number }>;
    expect(emulators.firestore).toMatchObject({ host: '127.0.0.1', port: emulator.port });
  });

  it('then Ctrl-C stops firebase-tools cleanly and leaves our emulator running', async () => {
    const child = firebase as ChildProcess;
    process.kill(-(child.pid as number), 'SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const exited = await Promise.race([
      firebaseExited?.then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 30_000))),
    ]);
    clearTimeout(timer);
    expect({ exited, code: child.exitCode }).toEqual({ exited: true, code: 0 });
    expect(output).toContain('Stopping Firestore Emulator');
    expect(await (await fetch(`http://${emulator.hostAndPort}/`)).text()).toBe('Ok');
  });
});
