/**
 * A scripted session of bad input against every write endpoint (and the paged reads' cursors): wrong
 * types, huge bodies, injection-looking strings, unknown fields, forged cursors, broken JSON. Every answer
 * must be a clean 4xx in the error envelope, no 5xx may be logged, Firestore must be exactly as before,
 * and the app must go on serving.
 */
import request from 'supertest';
import type { Firestore } from 'firebase-admin/firestore';
import { createHarness, PUBLIC_ROUTE, type Harness } from './support';
import { deliverMessageCreated, eventually, newGroup, newPerson, type Person } from './chat-support';

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

type Method = 'post' | 'patch' | 'delete' | 'get';
interface Attempt {
  method: Method;
  path: string;
  /** A JSON value, or a raw string sent as-is with the given content type. */
  body?: unknown;
  raw?: { type: string; text: string };
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

/** Strings that look like attacks on a database, a shell, a template or a parser. */
const INJECTIONS = [
  "' OR '1'='1' --",
  '"; DROP TABLE chats; --',
  '../../users/admin',
  '..%2F..%2Fusers',
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/x}',
  '{{constructor.constructor("return process")()}}',
  'constructor',
  'a\u0000b',
  '\u202Egnp.exe',
];

const forgedCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const BAD_CURSORS = [
  'not a cursor',
  '!!!',
  forgedCursor(['x', 0, 'id']),
  forgedCursor([1e20, 0, 'id']),
  forgedCursor([0, -1, 'id']),
  forgedCursor([0, 0, '../x']),
  forgedCursor({ $gt: '' }),
  'x'.repeat(700),
];

/** Every bad body we send to an endpoint whose valid body is an object with a string field `field`. */
function badBodies(field: string): Attempt['body'][] {
  const deep: Record<string, unknown> = {};
  let node = deep;
  for (let i = 0; i < 2000; i += 1) node = node['a'] = {};
  return [
    null,
    [],
    'text',
    42,
    {},
    { [field]: 42 },
    { [field]: ['a'] },
    { [field]: { $gt: '' } },
    { [field]: null },
    { [field]: true },
    { [field]: 'x'.repeat(60_000) },
    { [field]: 'ok', injected: 'field' },
    { [field]: 'ok', senderId: 'someone-else', createdBy: 'someone-else', role: 'owner' },
    JSON.parse(`{"${field}": "ok", "__proto__": { "admin": true }}`),
    { [field]: 'ok', constructor: { prototype: { admin: true } } },
    deep,
  ];
}

const RAW: Attempt['raw'][] = [
  { type: 'application/json', text: '{"text": ' },
  { type: 'application/json', text: '{"text": "a", "text": }' },
  { type: 'application/json', text: `{"text": "${'x'.repeat(70 * 1024)}"}` },
  { type: 'text/plain', text: 'text=hello' },
  { type: 'application/x-www-form-urlencoded', text: 'text=hello&senderId=other' },
  { type: 'application/json; charset=latin1', text: '{"text":"caf\u00e9"}' },
];

/** The documents a bad request could touch: the people's profiles and inboxes, and their chats. */
async function snapshot(
  db: Firestore,
  people: Person[],
  chatIds: string[],
): Promise<Record<string, unknown>> {
  const state: Record<string, unknown> = {};
  const put = (path: string, data: unknown) => (state[path] = data);
  for (const person of people) {
    const profile = await db.doc(`users/${person.uid}`).get();
    put(profile.ref.path, profile.data() ?? null);
    for (const doc of (await db.collection(`users/${person.uid}/notifications`).get()).docs)
      put(doc.ref.path, doc.data());
    const chats = await db.collection('chats').where('memberIds', 'array-contains', person.uid).get();
    put(`chats of ${person.uid}`, chats.docs.map((doc) => doc.id).sort());
  }
  for (const chatId of chatIds) {
    const chat = await db.doc(`chats/${chatId}`).get();
    put(chat.ref.path, chat.data() ?? null);
    for (const sub of ['members', 'messages', 'fanouts']) {
      for (const doc of (await db.collection(`chats/${chatId}/${sub}`).get()).docs)
        put(doc.ref.path, doc.data());
    }
  }
  return state;
}

/** `bad` as each id a write takes: in the path and in the body. */
function idAttempts(bad: string, chat: string, alice: Person, bob: Person): (Attempt & { who: Person })[] {
  const id = encodeURIComponent(bad);
  return [
    { method: 'patch', path: `/chats/${id}`, body: { title: 'x' }, who: alice },
    { method: 'delete', path: `/chats/${id}`, who: alice },
    { method: 'post', path: `/chats/${id}/members`, body: { uid: bob.uid }, who: alice },
    { method: 'post', path: `${chat}/members`, body: { uid: bad }, who: alice },
    { method: 'patch', path: `${chat}/members/${id}`, body: { muted: true }, who: alice },
    { method: 'delete', path: `${chat}/members/${id}`, who: alice },
    { method: 'post', path: `/chats/${id}/leave`, who: bob },
    { method: 'post', path: `/chats/${id}/messages`, body: { text: 'hi' }, who: alice },
    { method: 'post', path: `${chat}/messages`, body: { text: 'hi', replyToId: bad }, who: alice },
    {
      method: 'post',
      path: `${chat}/messages`,
      body: { text: 'hi', clientMessageId: `${bad} ${'x'.repeat(130)}` },
      who: alice,
    },
    {
      method: 'post',
      path: `${chat}/messages`,
      body: { text: 'hi' },
      // Node refuses to send control characters in a header; those go as a key of spaces.
      // Over 128 characters, so never a valid key; Node refuses control characters in headers.
      headers: {
        'Idempotency-Key': /^[\x20-\x7E]*$/.test(bad) ? `${bad}${'x'.repeat(130)}` : 'x'.repeat(130),
      },
      who: alice,
    },
    { method: 'patch', path: `${chat}/messages/${id}`, body: { text: 'x' }, who: alice },
    { method: 'delete', path: `${chat}/messages/${id}`, who: alice },
    { method: 'post', path: `${chat}/read`, body: { messageId: bad }, who: bob },
    { method: 'post', path: `/notifications/${id}/read`, who: bob },
    { method: 'post', path: '/chats', body: { type: 'direct', memberId: bad }, who: alice },
    { method: 'post', path: '/chats', body: { type: bad, title: 'x' }, who: alice },
  ];
}

/** Sends each attempt; returns what was not a clean 4xx in the envelope. */
async function failuresOf(attempts: (Attempt & { who: { idToken: string } })[]): Promise<string[]> {
  const failures: string[] = [];
  for (const attempt of attempts) {
    const agent = request(h.app);
    let req = agent[attempt.method](attempt.path).set('Authorization', `Bearer ${attempt.who.idToken}`);
    if (attempt.headers) req = req.set(attempt.headers);
    if (attempt.query) req = req.query(attempt.query);
    if (attempt.raw) req = req.set('Content-Type', attempt.raw.type).send(attempt.raw.text);
    else if (attempt.body !== undefined)
      req = req.set('Content-Type', 'application/json').send(JSON.stringify(attempt.body));
    const res = await req;
    const what = `${attempt.method.toUpperCase()} ${attempt.path} ${JSON.stringify(attempt.body ?? attempt.raw ?? attempt.query ?? '').slice(0, 80)}`;
    const envelope = res.body as {
      error?: { status?: number; code?: string; message?: string; requestId?: string };
    };
    if (res.status < 400 || res.status >= 500) failures.push(`${what} → ${res.status}`);
    else if (
      !/^application\/json/.test(res.headers['content-type'] ?? '') ||
      envelope.error?.status !== res.status ||
      typeof envelope.error.code !== 'string' ||
      typeof envelope.error.message !== 'string' ||
      envelope.error.requestId !== res.headers['x-request-id']
    ) {
      failures.push(`${what} → ${res.status} without the envelope: ${res.text.slice(0, 200)}`);
    } else if (/at .*\.(ts|js):\d+|Error:/.test(envelope.error.message)) {
      failures.push(`${what} → a message with internals: ${envelope.error.message}`);
    }
  }
  return failures;
}

it('when a client sends bad input to every write endpoint, then each answer is a clean 4xx, nothing in Firestore changes, and the app keeps serving', async () => {
  const [alice, bob] = [await newPerson(h), await newPerson(h)];
  const stranger = await h.newUser(); // signed in, no profile yet
  const chatId = await newGroup(alice, [bob]);
  const sent = await alice.api.post(`/chats/${chatId}/messages`, { text: 'the only message' });
  expect(sent.status).toBe(201);
  const messageId = sent.body.id as string;
  await deliverMessageCreated(h, chatId, messageId);
  // Let the emulator's own trigger runs (welcome, member added, message created) land before "before".
  await eventually(
    () => h.db.collection(`users/${bob.uid}/notifications`).get(),
    (inbox) => inbox.size >= 3,
    20_000,
    "three notifications in Bob's inbox",
  );
  const people = [alice, bob, { ...stranger, api: alice.api }];
  const before = await snapshot(h.db, people, [chatId]);

  const chat = `/chats/${chatId}`;
  const message = `${chat}/messages/${messageId}`;
  const writes: { method: Method; path: string; field: string; who: Person | typeof stranger }[] = [
    { method: 'post', path: '/users', field: 'displayName', who: stranger },
    { method: 'patch', path: '/users/me', field: 'displayName', who: alice },
    { method: 'post', path: '/chats', field: 'title', who: alice },
    { method: 'patch', path: chat, field: 'title', who: alice },
    { method: 'post', path: `${chat}/members`, field: 'uid', who: alice },
    { method: 'patch', path: `${chat}/members/${bob.uid}`, field: 'role', who: alice },
    { method: 'post', path: `${chat}/messages`, field: 'text', who: alice },
    { method: 'patch', path: message, field: 'text', who: alice },
    { method: 'post', path: `${chat}/read`, field: 'messageId', who: bob },
  ];
  const attempts: (Attempt & { who: { idToken: string } })[] = [];
  for (const write of writes) {
    for (const body of badBodies(write.field)) attempts.push({ ...write, body });
    for (const raw of RAW) attempts.push({ ...write, raw });
  }
  // Injection-looking ids in every path parameter and id field of every write (and delete) endpoint.
  for (const bad of INJECTIONS) attempts.push(...idAttempts(bad, chat, alice, bob));
  // Wrong shapes that are not about one field.
  attempts.push(
    { method: 'post', path: '/chats', body: { type: 'group', title: 'x', memberIds: 'bob' }, who: alice },
    {
      method: 'post',
      path: '/chats',
      body: { type: 'group', title: 'x', memberIds: Array(101).fill(bob.uid) },
      who: alice,
    },
    {
      method: 'post',
      path: '/chats',
      body: { type: 'direct', memberId: bob.uid, title: 'extra' },
      who: alice,
    },
    { method: 'patch', path: `${chat}/members/${bob.uid}`, body: { role: 'god' }, who: alice },
    { method: 'patch', path: `${chat}/members/${bob.uid}`, body: {}, who: alice },
    { method: 'post', path: `${chat}/messages`, body: { text: '   ' }, who: alice },
    { method: 'patch', path: '/users/me', body: { photoURL: 'javascript:alert(1)' }, who: alice },
    { method: 'patch', path: '/users/me', body: { photoURL: 'file:///etc/passwd' }, who: alice },
  );
  // Forged and malformed cursors and limits on every paged read.
  for (const cursor of BAD_CURSORS) {
    attempts.push(
      { method: 'get', path: '/chats', query: { cursor }, who: alice },
      { method: 'get', path: `${chat}/messages`, query: { before: cursor }, who: alice },
      { method: 'get', path: `${chat}/messages`, query: { after: cursor }, who: alice },
      { method: 'get', path: '/notifications', query: { cursor }, who: bob },
    );
  }
  for (const limit of ['0', '-1', '101', '1e9', 'abc', '1.5', '']) {
    attempts.push({ method: 'get', path: `${chat}/messages`, query: { limit }, who: alice });
  }

  expect(await failuresOf(attempts)).toEqual([]);
  expect(attempts.length).toBeGreaterThan(300);
  expect(h.logs.filter((entry) => entry.severity === 'ERROR')).toEqual([]);

  expect(await snapshot(h.db, people, [chatId])).toEqual(before);

  // Still serving, and still writing what is valid.
  await request(h.app).get(PUBLIC_ROUTE).expect(200);
  const after = await alice.api.post(`/chats/${chatId}/messages`, { text: 'still here' });
  expect(after.status).toBe(201);
}, 120_000);

/**
 * Firestore reserves document ids of the form `__x__` and the ids `.` and `..`; `DocId` and `Uid`
 * (packages/core/src/schemas) refuse them, so they never reach Firestore.
 */
it('when an id is one Firestore reserves (__x__, ..), then the answer is still a clean 4xx', async () => {
  const [alice, bob] = [await newPerson(h), await newPerson(h)];
  const chat = `/chats/${await newGroup(alice, [bob])}`;
  const attempts = ['__proto__', '__name__', '..'].flatMap((bad) => idAttempts(bad, chat, alice, bob));
  expect(await failuresOf(attempts)).toEqual([]);
}, 60_000);
