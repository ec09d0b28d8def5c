import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { startEmulator, type RunningEmulator } from '../src/server';
import { documentMatches } from '../src/triggers';

/**
 * Trigger delivery against a stand-in Functions emulator that records what it receives. The payload is
 * decoded with firebase-functions' own DocumentEventData decoder, the one the function runtime uses.
 */

interface DecodedDocument {
  name: string;
  fields: Record<string, Record<string, unknown>>;
}
interface DecodedEvent {
  value?: DecodedDocument;
  oldValue?: DecodedDocument;
  updateMask?: { fieldPaths: string[] };
}
interface EventDataCodec {
  decode(bytes: Uint8Array): unknown;
  toObject(message: unknown, options: { longs: StringConstructor; defaults: boolean }): DecodedEvent;
}
// firebase-functions does not export its static protobufs, so they are loaded from its package folder.
const functionsRoot = path.resolve(path.dirname(require.resolve('firebase-functions')), '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiled = require(path.join(functionsRoot, 'protos', 'compiledFirestore.js')) as {
  google: { events: { cloud: { firestore: { v1: { DocumentEventData: EventDataCodec } } } } };
};
const DocumentEventData = compiled.google.events.cloud.firestore.v1.DocumentEventData;

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  event: DecodedEvent;
}

class FakeFunctionsEmulator {
  readonly received: Received[] = [];
  status = 200;
  delayMs = 0;
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bytes = Buffer.from(Buffer.concat(chunks).toString(), 'base64');
      const event = DocumentEventData.toObject(DocumentEventData.decode(bytes), {
        longs: String,
        defaults: false,
      });
      setTimeout(() => {
        this.received.push({ path: req.url ?? '', headers: req.headers, event });
        res.writeHead(this.status).end('{}');
      }, this.delayMs);
    });
  });

  async listen(port = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  async waitFor(count: number, timeoutMs = 5000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`got ${this.received.length} of ${count} events`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.received;
  }
}

const PROJECT = 'demo-triggers';
let emulator: RunningEmulator;
let functions: FakeFunctionsEmulator;
let app: App;
let db: Firestore;
let previousHost: string | undefined;

async function register(key: string, eventType: string, value: string, matchType = 'PATH_PATTERN') {
  const res = await fetch(
    `http://${emulator.hostAndPort}/emulator/v1/projects/${PROJECT}/eventarcTrigger?eventarcTriggerId=${key}`,
    {
      method: 'POST',
      body: JSON.stringify({
        eventType: `google.cloud.firestore.document.v1.${eventType}`,
        database: '(default)',
        namespace: '(default)',
        document: { value, matchType },
      }),
    },
  );
  expect(res.status).toBe(200);
}

async function unregisterAll() {
  const res = await fetch(`http://${emulator.hostAndPort}/emulator/v1/projects/${PROJECT}/eventarcTriggers`);
  const { triggers } = (await res.json()) as { triggers: Array<{ key: string }> };
  for (const t of triggers) {
    await fetch(
      `http://${emulator.hostAndPort}/emulator/v1/projects/${PROJECT}/eventarcTrigger?eventarcTriggerId=${t.key}`,
      {
        method: 'DELETE',
      },
    );
  }
}

beforeAll(async () => {
  functions = new FakeFunctionsEmulator();
  const functionsHost = await functions.listen();
  emulator = await startEmulator({ port: 0, functionsEmulatorHost: functionsHost });
  previousHost = process.env.FIRESTORE_EMULATOR_HOST;
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostAndPort;
  app = initializeApp({ projectId: PROJECT }, `triggers-${Date.now()}`);
  db = getFirestore(app);
});

afterAll(async () => {
  await deleteApp(app);
  await emulator.stop();
  await functions.close();
  if (previousHost === undefined) delete process.env.FIRESTORE_EMULATOR_HOST;
  else process.env.FIRESTORE_EMULATOR_HOST = previousHost;
});

beforeEach(async () => {
  await unregisterAll();
  emulator.clear();
  functions.received.length = 0;
  functions.status = 200;
  functions.delayMs = 0;
});

describe('When a document matching a created trigger is written', () => {
  it('then the Functions emulator gets a binary CloudEvent with the document', async () => {
    await register('onMessage-0', 'created', 'rooms/{roomId}/messages/{messageId}');
    await db.doc('rooms/r1/messages/m1').set({ text: 'hi', n: 7 });
    await db.doc('rooms/r1').set({ not: 'matched' });
    const [got] = await functions.waitFor(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(functions.received).toHaveLength(1);

    expect(got.path).toBe(`/functions/projects/${PROJECT}/triggers/onMessage-0`);
    expect(got.headers).toMatchObject({
      'content-type': 'application/protobuf',
      'ce-specversion': '1.0',
      'ce-type': 'google.cloud.firestore.document.v1.created',
      'ce-source': `//firestore.googleapis.com/projects/${PROJECT}/databases/(default)`,
      'ce-subject': 'documents/rooms/r1/messages/m1',
      'ce-document': 'rooms/r1/messages/m1',
      'ce-database': '(default)',
      'ce-namespace': '(default)',
      'ce-project': PROJECT,
    });
    expect(got.headers['ce-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(got.headers['ce-time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(got.event.value?.name).toBe(
      `projects/${PROJECT}/databases/(default)/documents/rooms/r1/messages/m1`,
    );
    expect(got.event.value?.fields).toEqual({ text: { stringValue: 'hi' }, n: { integerValue: '7' } });
    expect(got.event.oldValue).toBeUndefined();
  });
});

describe('When a document is updated and then deleted', () => {
  it('then written triggers see old and new values, an update mask, and commit order', async () => {
    await register('onWrite-0', 'written', 'users/{userId}');
    functions.delayMs = 30;
    await db.doc('users/u1').set({ name: 'Ada', age: 36 });
    await db.doc('users/u1').update({ age: 37 });
    await db.doc('users/u1').delete();
    const events = (await functions.waitFor(3)).map((r) => r.event);
    expect(events[0].oldValue).toBeUndefined();
    expect(events[1].oldValue?.fields.age).toEqual({ integerValue: '36' });
    expect(events[1].value?.fields.age).toEqual({ integerValue: '37' });
    expect(events[1].updateMask?.fieldPaths).toEqual(['age']);
    expect(events[2].value).toBeUndefined();
    expect(events[2].oldValue?.fields.name).toEqual({ stringValue: 'Ada' });
  });

  it('then created, updated and deleted triggers each fire only for their kind', async () => {
    await register('c-0', 'created', 'docs/{id}');
    await register('u-0', 'updated', 'docs/{id}');
    await register('d-0', 'deleted', 'docs/{id}');
    await db.doc('docs/x').set({ v: 1 });
    await db.doc('docs/x').set({ v: 2 });
    await db.doc('docs/x').delete();
    const got = await functions.waitFor(3);
    expect(got.map((r) => r.path.split('/').pop()).sort()).toEqual(['c-0', 'd-0', 'u-0']);
  });
});

describe('When the data is cleared', () => {
  it('then no deleted triggers fire', async () => {
    await db.doc('docs/y').set({ v: 1 });
    await register('d-0', 'deleted', 'docs/{id}');
    const res = await fetch(
      `http://${emulator.hostAndPort}/emulator/v1/projects/${PROJECT}/databases/(default)/documents`,
      {
        method: 'DELETE',
      },
    );
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(functions.received).toEqual([]);
  });
});

describe('When the Functions emulator does not know the trigger', () => {
  it('then the stale registration is dropped after a 404', async () => {
    await register('gone-0', 'created', 'docs/{id}');
    functions.status = 404;
    await db.doc('docs/z').set({ v: 1 });
    await functions.waitFor(1);
    await new Promise((r) => setTimeout(r, 50));
    const res = await fetch(
      `http://${emulator.hostAndPort}/emulator/v1/projects/${PROJECT}/eventarcTriggers`,
    );
    expect(((await res.json()) as { triggers: unknown[] }).triggers).toEqual([]);
  });
});

describe('When the Functions emulator is not up yet', () => {
  it('then delivery is retried and arrives once it is', async () => {
    const late = new FakeFunctionsEmulator();
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const res = await fetch(`http://${emulator.hostAndPort}/emulator/v1/functionsEmulatorHost`, {
      method: 'PUT',
      body: JSON.stringify({ host: `127.0.0.1:${port}` }),
    });
    expect(res.status).toBe(200);
    try {
      await register('late-0', 'created', 'docs/{id}');
      await db.doc('docs/late').set({ v: 1 });
      await new Promise((r) => setTimeout(r, 100));
      await late.listen(port);
      const [got] = await late.waitFor(1, 5000);
      expect(got.headers['ce-document']).toBe('docs/late');
    } finally {
      await late.close();
    }
  });
});

describe('When a trigger pattern is matched', () => {
  it.each([
    ['rooms/{roomId}/messages/{messageId}', 'rooms/r1/messages/m1', true],
    ['rooms/{roomId}/messages/{messageId}', 'rooms/r1', false],
    ['rooms/{roomId}/messages/{messageId}', 'rooms/r1/messages/m1/reactions/x', false],
    ['rooms/{path=**}', 'rooms/r1/messages/m1', true],
    ['rooms/{path=**}', 'users/u1', false],
    ['{coll}/{id}', 'users/u1', true],
  ])('then %s against %s is %s', (pattern, docPath, expected) => {
    expect(documentMatches({ value: pattern, matchType: 'PATH_PATTERN' }, docPath)).toBe(expected);
  });

  it('then EXACT compares literally', () => {
    expect(documentMatches({ value: 'rooms/{id}', matchType: 'EXACT' }, 'rooms/{id}')).toBe(true);
    expect(documentMatches({ value: 'rooms/a', matchType: 'EXACT' }, 'rooms/b')).toBe(false);
  });
});
