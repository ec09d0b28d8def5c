/**
 * The OpenAPI document against the app: every route Express serves is in the document and every documented
 * operation is served; then a session through every route checks each real response (status, and body
 * against the document's JSON Schema) — success and error envelopes alike.
 */
import request from 'supertest';
import type { HttpMethod } from '../src/http/route';
import { buildOpenApiDocument, toOpenApiPath, type OpenApiDocument } from '../src/openapi';
import { apiRoutes } from '../src/routes/api-routes';
import { createHarness, type Harness } from './support';
import { deliverMessageCreated } from './chat-support';
import { expressRoutes, responseValidator, type ResponseValidator } from './openapi-support';

let h: Harness;
let document: OpenApiDocument;
let v: ResponseValidator;

beforeAll(async () => {
  h = createHarness();
  const res = await request(h.app).get('/openapi.json').expect(200);
  document = res.body as OpenApiDocument;
  v = responseValidator(document);
});
afterAll(() => h.close());

describe('the document', () => {
  it('when the app is built, then every route Express serves is in the served document, and nothing more', () => {
    const served = expressRoutes(h.app).map((route) => {
      const [method = '', path = ''] = route.split(' ');
      return `${method} ${toOpenApiPath(path)}`;
    });
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(served.sort()).toEqual(documented.sort());
    expect(new Set(served).size).toBe(served.length);
  });

  it('when /openapi.json is served, then it is the OpenAPI 3.1 document of the route table', () => {
    expect(document).toEqual(buildOpenApiDocument(apiRoutes));
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/chats/{chatId}/messages/{messageId}');
  });

  it('when every route is listed, then each one documents its error envelope and its 429', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const responses = (operation as { responses: Record<string, unknown> }).responses;
        expect([path, method, Object.keys(responses)]).toEqual([
          path,
          method,
          expect.arrayContaining(['429', '500']),
        ]);
      }
    }
  });

  it('when /docs is opened, then an HTML page loads Swagger UI from this server, and its files are served', async () => {
    const page = await request(h.app).get('/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<div id="swagger-ui">');
    expect(page.text).not.toMatch(/https?:\/\//); // nothing from a CDN
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    for (const asset of ['docs/swagger-ui-bundle.js', 'docs/init.js', 'docs/swagger-ui.css']) {
      expect(page.text).toContain(asset);
      const res = await request(h.app).get(`/${asset}`).expect(200);
      expect(res.headers['content-type']).toMatch(asset.endsWith('.css') ? /text\/css/ : /javascript/);
    }
    const specRef = page.text.match(/data-spec-url="([^"]+)"/)?.[1] ?? 'none';
    const spec = await request(h.app).get(new URL(specRef, 'http://api.test/docs').pathname).expect(200);
    expect(spec.body).toEqual(document);
    await request(h.app).get('/docs/index.html').expect(404);
    await request(h.app).get('/docs/').expect(301).expect('Location', '../docs');
  });
});

describe('real responses', () => {
  type Who = { idToken: string } | null;
  async function call(
    who: Who,
    method: HttpMethod,
    path: string,
    params: Record<string, string> = {},
    options: {
      body?: object;
      query?: Record<string, string | number>;
      headers?: Record<string, string>;
    } = {},
  ): Promise<request.Response> {
    const url = path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
    let req = request(h.app)[method](url);
    if (who) req = req.set('Authorization', `Bearer ${who.idToken}`);
    if (options.headers) req = req.set(options.headers);
    if (options.query) req = req.query(options.query);
    const res = await (options.body ? req.send(options.body) : req);
    v.check(method, path, res);
    return res;
  }

  it('when a session goes through every route, then every answer matches the document', async () => {
    const [alice, bob, carol, dave] = await Promise.all([
      h.newUser(),
      h.newUser(),
      h.newUser({ admin: true }),
      h.newUser(),
    ]);
    // /ping is 200 only if Firestore answers within 2 s: open the client's channel first, which on a loaded
    // machine can take longer than that by itself (as in ping.test.ts).
    await h.db.collection('users').limit(1).get();
    expect((await call(null, 'get', '/ping')).status).toBe(200);
    expect((await call(null, 'get', '/openapi.json')).status).toBe(200);
    expect((await call(null, 'get', '/docs')).status).toBe(200);

    for (const [person, name] of [
      [alice, 'Alice'],
      [bob, 'Bob'],
      [carol, 'Carol'],
    ] as const) {
      expect((await call(person, 'post', '/users', {}, { body: { displayName: name } })).status).toBe(201);
    }
    expect((await call(alice, 'post', '/users', {}, { body: { displayName: 'Again' } })).status).toBe(409);
    expect((await call(alice, 'post', '/users', {}, { body: { displayName: 7 } })).status).toBe(400);
    expect((await call(null, 'get', '/users/me')).status).toBe(401);
    expect((await call(alice, 'get', '/users/me')).status).toBe(200);
    expect((await call(alice, 'patch', '/users/me', {}, { body: { bio: 'Hi' } })).status).toBe(200);
    expect((await call(alice, 'get', '/users/:uid', { uid: bob.uid })).status).toBe(200);
    expect((await call(alice, 'get', '/users/:uid', { uid: alice.uid })).body.email).toBe(alice.email);
    expect((await call(alice, 'get', '/users/:uid', { uid: 'nobody-here' })).status).toBe(404);
    expect((await call(carol, 'get', '/users', {}, { query: { limit: 2 } })).status).toBe(200);
    expect((await call(bob, 'get', '/users')).status).toBe(403);

    const group = await call(
      alice,
      'post',
      '/chats',
      {},
      { body: { type: 'group', title: 'Docs', memberIds: [bob.uid] } },
    );
    expect(group.status).toBe(201);
    const chatId = group.body.id as string;
    expect(
      (await call(alice, 'post', '/chats', {}, { body: { type: 'direct', memberId: bob.uid } })).status,
    ).toBe(201);
    expect(
      (await call(bob, 'post', '/chats', {}, { body: { type: 'direct', memberId: alice.uid } })).status,
    ).toBe(200);
    expect((await call(alice, 'get', '/chats', {}, { query: { limit: 1 } })).status).toBe(200);
    expect((await call(alice, 'get', '/chats/:chatId', { chatId })).status).toBe(200);
    expect((await call(dave, 'get', '/chats/:chatId', { chatId })).status).toBe(404);
    expect(
      (await call(alice, 'patch', '/chats/:chatId', { chatId }, { body: { title: 'Docs 2' } })).status,
    ).toBe(200);
    expect((await call(bob, 'patch', '/chats/:chatId', { chatId }, { body: { title: 'Mine' } })).status).toBe(
      403,
    );

    const members = { chatId, uid: carol.uid };
    expect(
      (await call(alice, 'post', '/chats/:chatId/members', { chatId }, { body: { uid: carol.uid } })).status,
    ).toBe(201);
    expect((await call(alice, 'get', '/chats/:chatId/members', { chatId })).status).toBe(200);
    expect(
      (await call(alice, 'patch', '/chats/:chatId/members/:uid', members, { body: { role: 'admin' } }))
        .status,
    ).toBe(200);
    expect(
      (
        await call(
          bob,
          'patch',
          '/chats/:chatId/members/:uid',
          { chatId, uid: bob.uid },
          { body: { muted: true } },
        )
      ).status,
    ).toBe(200);

    const sent = await call(
      alice,
      'post',
      '/chats/:chatId/messages',
      { chatId },
      { body: { text: 'Hello' } },
    );
    expect(sent.status).toBe(201);
    const messageId = sent.body.id as string;
    const key = { 'Idempotency-Key': `docs-${messageId}` };
    const once = { body: { text: 'Once' }, headers: key };
    expect((await call(bob, 'post', '/chats/:chatId/messages', { chatId }, once)).status).toBe(201);
    expect((await call(bob, 'post', '/chats/:chatId/messages', { chatId }, once)).status).toBe(200);
    expect(
      (await call(bob, 'post', '/chats/:chatId/messages', { chatId }, { body: { text: '' } })).status,
    ).toBe(400);
    expect(
      (await call(alice, 'get', '/chats/:chatId/messages', { chatId }, { query: { limit: 1 } })).status,
    ).toBe(200);
    expect(
      (await call(alice, 'get', '/chats/:chatId/messages', { chatId }, { query: { before: 'bogus!' } }))
        .status,
    ).toBe(400);
    const message = { chatId, messageId };
    expect((await call(bob, 'get', '/chats/:chatId/messages/:messageId', message)).status).toBe(200);
    expect(
      (
        await call(alice, 'patch', '/chats/:chatId/messages/:messageId', message, {
          body: { text: 'Hello!' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(bob, 'patch', '/chats/:chatId/messages/:messageId', message, { body: { text: 'No' } }))
        .status,
    ).toBe(403);

    await deliverMessageCreated(h, chatId, messageId);
    expect((await call(bob, 'post', '/chats/:chatId/read', { chatId }, { body: { messageId } })).status).toBe(
      200,
    );
    expect((await call(bob, 'get', '/unread-counts')).status).toBe(200);
    const inbox = await call(carol, 'get', '/notifications', {}, { query: { limit: 5 } });
    expect(inbox.status).toBe(200);
    const notificationId = (inbox.body.notifications as { id: string }[])[0]?.id ?? 'none';
    expect(
      (await call(carol, 'post', '/notifications/:notificationId/read', { notificationId })).status,
    ).toBe(200);
    expect(
      (await call(carol, 'post', '/notifications/:notificationId/read', { notificationId: 'nope' })).status,
    ).toBe(404);
    expect((await call(carol, 'post', '/notifications/read-all')).status).toBe(200);

    // The admin API, as carol (admin): reads, then one of each change, and refusals.
    expect((await call(carol, 'get', '/admin/users', {}, { query: { by: 'uid', q: bob.uid } })).status).toBe(
      200,
    );
    expect((await call(bob, 'get', '/admin/users')).status).toBe(403);
    expect((await call(carol, 'get', '/admin/users/:uid', { uid: bob.uid })).status).toBe(200);
    expect(
      (await call(carol, 'patch', '/admin/users/:uid', { uid: bob.uid }, { body: { bio: 'Edited' } })).status,
    ).toBe(200);
    expect(
      (
        await call(
          carol,
          'post',
          '/admin/users/:uid/admin-claim',
          { uid: dave.uid },
          { body: { admin: true } },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await call(
          carol,
          'post',
          '/admin/users/:uid/admin-claim',
          { uid: bob.uid },
          { body: { admin: false } },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          carol,
          'post',
          '/admin/users/:uid/admin-claim',
          { uid: carol.uid },
          { body: { admin: false } },
        )
      ).status,
    ).toBe(412);
    expect((await call(carol, 'get', '/admin/chats', {}, { query: { member: alice.uid } })).status).toBe(200);
    expect((await call(carol, 'get', '/admin/chats/:chatId', { chatId })).status).toBe(200);
    expect((await call(carol, 'get', '/admin/chats/:chatId/members', { chatId })).status).toBe(200);
    expect((await call(carol, 'get', '/admin/chats/:chatId/messages', { chatId })).status).toBe(200);
    const spare = await call(bob, 'post', '/chats/:chatId/messages', { chatId }, { body: { text: 'Spam' } });
    expect(
      (
        await call(carol, 'delete', '/admin/chats/:chatId/messages/:messageId', {
          chatId,
          messageId: spare.body.id,
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await call(
          carol,
          'post',
          '/admin/announcements',
          {},
          { body: { title: 'Hi', body: 'All', to: bob.uid } },
        )
      ).status,
    ).toBe(202);
    expect((await call(carol, 'get', '/admin/audit', {}, { query: { actor: carol.uid } })).status).toBe(200);
    const extra = await call(
      alice,
      'post',
      '/chats',
      {},
      { body: { type: 'group', title: 'Extra', memberIds: [bob.uid] } },
    );
    expect(
      (
        await call(carol, 'delete', '/admin/chats/:chatId/members/:uid', {
          chatId: extra.body.id,
          uid: bob.uid,
        })
      ).status,
    ).toBe(204);
    expect((await call(carol, 'delete', '/admin/chats/:chatId', { chatId: extra.body.id })).status).toBe(204);

    expect((await call(alice, 'delete', '/chats/:chatId/messages/:messageId', message)).status).toBe(204);
    expect((await call(alice, 'delete', '/chats/:chatId/members/:uid', members)).status).toBe(204);
    expect((await call(bob, 'post', '/chats/:chatId/leave', { chatId })).status).toBe(204);
    expect((await call(bob, 'delete', '/chats/:chatId', { chatId })).status).toBe(404);
    expect((await call(alice, 'delete', '/chats/:chatId', { chatId })).status).toBe(204);

    // Admin operations last: they end dave's session. bob is no app admin.
    const target = { uid: dave.uid };
    expect((await call(bob, 'post', '/admin/users/:uid/revoke', target)).status).toBe(403);
    expect(
      (await call(carol, 'post', '/admin/users/:uid/disable', target, { body: { disabled: 'no' } })).status,
    ).toBe(400);
    expect((await call(carol, 'post', '/admin/users/:uid/revoke', { uid: 'nobody-here' })).status).toBe(404);
    expect((await call(carol, 'post', '/admin/users/:uid/revoke', target)).status).toBe(200);
    expect(
      (await call(carol, 'post', '/admin/users/:uid/disable', target, { body: { disabled: true } })).status,
    ).toBe(200);

    // Every documented route had a successful answer checked against the document.
    const succeeded = new Set(
      [...v.checked].filter((entry) => / 2\d\d$/.test(entry)).map((entry) => entry.replace(/ \d+$/, '')),
    );
    expect(
      apiRoutes
        .map((route) => `${route.method.toUpperCase()} ${route.path}`)
        .filter((r) => !succeeded.has(r)),
    ).toEqual([]);
  }, 60_000);
});
