/**
 * Who may call what, for every operation of the route table (so a route added later is covered, or fails
 * here until its refusal is described):
 * - every route but the public ones refuses an anonymous caller, and a caller with a token that is not one,
 *   with 401 before reading its input;
 * - every `admin` route refuses a signed-in user without the admin claim with 403;
 * - every chat route answers a signed-in outsider 404 (a chat's existence is not revealed);
 * - every chat route that documents a 403 refuses a member without the needed chat role with 403.
 * Each refused call is checked on the data too: the chat, its members and its messages read back unchanged.
 */
import request from 'supertest';
import type { HttpMethod } from '../src/http/route';
import type { ApiRoute } from '../src/routes/api-route';
import { apiRoutes } from '../src/routes/api-routes';
import { eventually, newGroup, newPerson, send, type Person } from './chat-support';
import { createHarness, type Harness } from './support';

let h: Harness;
let alice: Person; // owner
let bob: Person; // a plain member
let dave: Person; // another plain member
let carol: Person; // signed in, not a member
let chatId: string;
let messageId: string;
beforeAll(async () => {
  h = createHarness();
  [alice, bob, dave, carol] = await Promise.all([newPerson(h), newPerson(h), newPerson(h), newPerson(h)]);
  chatId = await newGroup(alice, [bob, dave], 'Access test group');
  messageId = (await send(alice, chatId, 'Only the owner may touch this')).id;
  // The message's trigger (last message, unread counts) runs in the Functions emulator; a refusal must not
  // be blamed for what it writes, so the tests start once it has finished (it failed a loaded CI run).
  await eventually(
    () => h.db.doc(`chats/${chatId}/fanouts/${messageId}_done`).get(),
    (marker) => marker.exists,
    60_000,
    'the fixture message’s fan-out to finish',
  );
});
afterAll(() => h.close());
jest.setTimeout(60_000);

const name = (route: { method: string; path: string }) => `${route.method.toUpperCase()} ${route.path}`;
const PUBLIC = ['GET /ping', 'GET /openapi.json', 'GET /docs'];

/** The route's path with the fixture's ids (or placeholders where the route needs none of them). */
function concrete(path: string, ids: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_match, param: string) => ids[param] ?? `some-${param}`);
}

/** Everything the fixture chat holds, as Firestore has it: what a refused change must leave as it was. */
async function chatState() {
  const chat = h.db.doc(`chats/${chatId}`);
  const [doc, members, messages] = await Promise.all([
    chat.get(),
    chat.collection('members').get(),
    chat.collection('messages').get(),
  ]);
  const all = (snapshot: FirebaseFirestore.QuerySnapshot) =>
    Object.fromEntries(snapshot.docs.map((d) => [d.id, d.data()]));
  return { chat: doc.data(), members: all(members), messages: all(messages) };
}

function call(method: HttpMethod, path: string, token: string | undefined, body: object = {}) {
  const test = request(h.app)[method](path);
  if (token !== undefined) test.set('Authorization', `Bearer ${token}`);
  return test.send(body);
}

it('when the table is read, then only the public routes need no token, and admin ones are all there', () => {
  expect(apiRoutes.filter((route) => route.auth === 'none').map(name)).toEqual(PUBLIC);
  expect(apiRoutes.filter((route) => route.path.startsWith('/admin') && route.auth !== 'admin')).toEqual([]);
  expect(apiRoutes.filter((route) => route.auth === 'admin').length).toBeGreaterThanOrEqual(13);
});

const guarded = apiRoutes.filter((route) => route.auth !== 'none');
describe.each(guarded.map((route) => [name(route), route] as const))('%s', (_name, route) => {
  it('when called without a token, then 401 unauthenticated', async () => {
    const res = await call(route.method, concrete(route.path), undefined);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('when called with a token that is not a Firebase ID token, then 401 and nothing changes', async () => {
    const before = await chatState();
    const ids = { chatId, messageId, uid: bob.uid };
    const res = await call(route.method, concrete(route.path, ids), 'not-a-token', { title: 'x', text: 'x' });
    expect(res.status).toBe(401);
    expect(await chatState()).toEqual(before);
  });
});

const adminOnly = apiRoutes.filter((route) => route.auth === 'admin');
describe.each(adminOnly.map((route) => [name(route), route] as const))('%s', (_name, route) => {
  it('when called by a signed-in user without the admin claim, then 403 and nothing changes', async () => {
    const before = await chatState();
    const ids = { chatId, messageId, uid: bob.uid };
    const res = await call(route.method, concrete(route.path, ids), alice.idToken, {
      admin: true,
      title: 'x',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('permission-denied');
    expect(await chatState()).toEqual(before);
  });
});

const chatScoped = apiRoutes.filter(
  (route) => route.auth === 'user' && route.path.startsWith('/chats/:chatId'),
);

/**
 * A body the route's schema accepts, made of the fields it declares (a refusal must come from who calls,
 * not from a body the route would refuse anyway).
 */
function validBodyFor(route: ApiRoute, values: Record<string, unknown>): object | undefined {
  const schema = route.request?.body;
  if (!schema) return undefined;
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  const body = shape
    ? Object.fromEntries(
        Object.keys(shape)
          .filter((k) => k in values)
          .map((k) => [k, values[k]]),
      )
    : values;
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new Error(
      `No valid body for ${name(route)} from ${JSON.stringify(values)}: ${parsed.error.message}`,
    );
  return body;
}

describe.each(chatScoped.map((route) => [name(route), route] as const))('%s', (_name, route) => {
  it('when called by a signed-in user who is not a member, then 404 and nothing changes', async () => {
    const before = await chatState();
    const body = validBodyFor(route, {
      title: 'Taken over',
      text: 'hello',
      uid: carol.uid,
      messageId,
      muted: true,
    });
    const path = concrete(route.path, { chatId, messageId, uid: carol.uid });
    const res = await call(route.method, path, carol.idToken, body);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not-found');
    expect(await chatState()).toEqual(before);
  });
});

/**
 * For each chat route that documents a 403: a member asking for what their role does not allow. A new
 * route that documents a 403 fails the first test below until it has an entry here.
 */
const wrongRole: Record<string, () => { path: string; body?: object }> = {
  'PATCH /chats/:chatId': () => ({ path: `/chats/${chatId}`, body: { title: 'Renamed by a member' } }),
  'DELETE /chats/:chatId': () => ({ path: `/chats/${chatId}` }),
  'POST /chats/:chatId/members': () => ({ path: `/chats/${chatId}/members`, body: { uid: carol.uid } }),
  'PATCH /chats/:chatId/members/:uid': () => ({
    path: `/chats/${chatId}/members/${dave.uid}`,
    body: { role: 'admin' },
  }),
  'DELETE /chats/:chatId/members/:uid': () => ({ path: `/chats/${chatId}/members/${dave.uid}` }),
  'PATCH /chats/:chatId/messages/:messageId': () => ({
    path: `/chats/${chatId}/messages/${messageId}`,
    body: { text: 'Edited by someone else' },
  }),
  'DELETE /chats/:chatId/messages/:messageId': () => ({ path: `/chats/${chatId}/messages/${messageId}` }),
};

it('when the table is read, then every user route that documents a 403 has a wrong-role case here', () => {
  const documented = apiRoutes.filter((route) => route.auth === 'user' && route.errors?.includes(403));
  expect(documented.map(name).sort()).toEqual(Object.keys(wrongRole).sort());
});

describe.each(Object.keys(wrongRole).map((key) => [key] as const))('%s', (key) => {
  it('when a plain member asks for what only the owner or an admin (or the author) may do, then 403 and nothing changes', async () => {
    const route = apiRoutes.find((candidate) => name(candidate) === key);
    if (!route) throw new Error(`${key} is not in the route table`);
    const { path, body } = wrongRole[key]!();
    const before = await chatState();
    const res = await call(route.method, path, bob.idToken, body);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('permission-denied');
    expect(await chatState()).toEqual(before);
  });
});
