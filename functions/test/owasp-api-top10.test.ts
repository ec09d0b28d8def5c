/**
 * The OWASP API Security Top 10 (2023), API1 to API8, each as a named test against the real emulators:
 * the exact Express app (createApp) with real ID tokens and real Firestore, and the Functions emulator's
 * function URL where the framework in front matters (headers, CORS, framework errors). Several points are
 * covered in depth elsewhere (auth.test.ts, rate-limit.test.ts, http-headers.test.ts, contract fuzzing);
 * each is asserted here again so this file alone answers "is API<n> handled?".
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { unsignedToken } from '../../scripts/lib/auth-emulator';
import { parseConfig } from '../src/config';
import { buildOpenApiDocument } from '../src/openapi';
import { apiRoutes } from '../src/routes/api-routes';
import { clientFor, eventually, newGroup, newPerson, send, type Person } from './chat-support';
import { createHarness, PROJECT_ID, requireEnv, type Harness } from './support';

const API_URL = requireEnv('API_URL');
// Each test drives several real round trips to the emulators on a shared machine: wait for them, fail on hangs.
jest.setTimeout(120_000);
let h: Harness;
let alice: Person;
let bob: Person;
let mallory: Person; // signed in, in no chat of theirs
let chatId: string;
let messageId: string;

beforeAll(async () => {
  h = createHarness();
  [alice, bob, mallory] = await Promise.all([newPerson(h), newPerson(h), newPerson(h)]);
  chatId = await newGroup(alice, [bob]);
  messageId = (await send(alice, chatId, 'private to alice and bob')).id;
}, 180_000);
afterAll(() => h.close());

const codeOf = (res: request.Response) => (res.body as { error?: { code?: string } }).error?.code;

describe('OWASP API Security Top 10 (2023)', () => {
  it("API1 broken object level authorization: when a user asks for another user's chat, messages or notifications by id, then 404 and nothing changes", async () => {
    const attempts = [
      mallory.api.get(`/chats/${chatId}`),
      mallory.api.get(`/chats/${chatId}/messages`),
      mallory.api.get(`/chats/${chatId}/messages/${messageId}`),
      mallory.api.get(`/chats/${chatId}/members`),
      mallory.api.patch(`/chats/${chatId}/messages/${messageId}`, { text: 'rewritten' }),
      mallory.api.delete(`/chats/${chatId}/messages/${messageId}`),
      mallory.api.post(`/chats/${chatId}/messages`, { text: 'let me in' }),
      mallory.api.post(`/chats/${chatId}/read`, { messageId }),
      mallory.api.post(`/chats/${chatId}/members`, { uid: mallory.uid }),
      mallory.api.patch(`/chats/${chatId}`, { title: 'mine now' }),
      mallory.api.delete(`/chats/${chatId}`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect([res.status, codeOf(res)]).toEqual([404, 'not-found']);
    }
    // A notification id names one in the caller's own inbox: marking "welcome" read touches Mallory's only.
    expect((await mallory.api.post('/notifications/welcome/read')).status).not.toBe(500);
    const welcome = await h.db.doc(`users/${alice.uid}/notifications/welcome`).get();
    if (welcome.exists) expect(welcome.get('readAt')).toBeNull();
    const chat = await alice.api.get(`/chats/${chatId}`).expect(200);
    expect(chat.body.memberIds).not.toContain(mallory.uid);
    const message = await alice.api.get(`/chats/${chatId}/messages/${messageId}`).expect(200);
    expect(message.body.text).toBe('private to alice and bob');
    const listed = await mallory.api.get('/chats').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(chatId);
  });

  it('API2 broken authentication: when the token is missing, malformed, expired, for another project, revoked, or its user disabled, then 401/403 in the envelope', async () => {
    const victim = await newPerson(h);
    const cases: Array<[string, Record<string, string>, number, string]> = [
      ['no header', {}, 401, 'unauthenticated'],
      ['another scheme', { Authorization: `Basic ${victim.idToken}` }, 401, 'unauthenticated'],
      ['garbage', { Authorization: 'Bearer not.a.token' }, 401, 'unauthenticated'],
      ['expired', { Authorization: `Bearer ${unsignedToken(PROJECT_ID, victim.uid)}` }, 401, 'token-expired'],
      [
        'another project',
        {
          Authorization: `Bearer ${unsignedToken('someone-elses-project', victim.uid, { exp: Math.floor(Date.now() / 1000) + 3600 })}`,
        },
        401,
        'unauthenticated',
      ],
    ];
    for (const [what, headers, status, code] of cases) {
      const res = await request(h.app).get('/users/me').set(headers);
      expect([what, res.status, codeOf(res)]).toEqual([what, status, code]);
    }
    // A token in the query string is not a credential.
    const inQuery = await request(h.app).get(
      `/users/me?token=${victim.idToken}&access_token=${victim.idToken}`,
    );
    expect(inQuery.status).toBe(401);

    // Revocation has one-second granularity: a token issued in the same second as the revocation stays valid.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // Done in Firebase Auth directly, not through the admin API (which tells every instance at once): the
    // API trusts an account's state for 5 s (CachedTokenVerifier's accountTtlMs), so the refusal comes
    // within that, and the wait allows a loaded machine a margin.
    await h.auth.revokeRefreshTokens(victim.uid);
    const revoked = await eventually(
      () => victim.api.get('/users/me'),
      (res) => res.status !== 200,
      15_000,
      'a revoked token to be refused',
    );
    expect([revoked.status, codeOf(revoked)]).toEqual([401, 'token-revoked']);

    const disabled = await newPerson(h);
    await h.auth.updateUser(disabled.uid, { disabled: true });
    const refused = await eventually(
      () => disabled.api.get('/users/me'),
      (res) => res.status !== 200,
      15_000,
      "a disabled user's token to be refused",
    );
    expect([refused.status, codeOf(refused)]).toEqual([403, 'user-disabled']);
  });

  it("API3 broken object property level authorization: when a client sends role, admin, ownerId or createdAt, then 400 naming the field; and no response shows another user's email", async () => {
    const fresh = await h.newUser();
    const api = clientFor(h, fresh.idToken);
    const attempts: Array<[request.Test, string]> = [
      [api.post('/users', { displayName: 'x', admin: true }), 'admin'],
      [api.post('/users', { displayName: 'x', role: 'admin' }), 'role'],
      [api.post('/users', { displayName: 'x', uid: alice.uid }), 'uid'],
      [alice.api.patch('/users/me', { email: 'boss@example.com' }), 'email'],
      [alice.api.patch('/users/me', { createdAt: '2000-01-01T00:00:00Z' }), 'createdAt'],
      [alice.api.post('/chats', { type: 'group', title: 't', ownerId: mallory.uid }), 'ownerId'],
      [alice.api.patch(`/chats/${chatId}`, { title: 't', createdBy: mallory.uid }), 'createdBy'],
      [alice.api.post(`/chats/${chatId}/members`, { uid: mallory.uid, role: 'owner' }), 'role'],
      [alice.api.post(`/chats/${chatId}/messages`, { text: 'hi', senderId: bob.uid }), 'senderId'],
    ];
    for (const [attempt, field] of attempts) {
      const res = await attempt;
      expect([field, res.status, codeOf(res)]).toEqual([field, 400, 'invalid-argument']);
      expect(JSON.stringify(res.body.error.fields ?? [])).toContain(field);
    }
    expect((await h.db.doc(`users/${fresh.uid}`).get()).exists).toBe(false);
    expect((await h.db.doc(`chats/${chatId}/members/${mallory.uid}`).get()).exists).toBe(false);

    // Another user's email shows nowhere a peer can read it.
    const reads = await Promise.all([
      bob.api.get(`/users/${alice.uid}`),
      bob.api.get(`/chats/${chatId}`),
      bob.api.get(`/chats/${chatId}/members`),
      bob.api.get(`/chats/${chatId}/messages`),
      mallory.api.get(`/users/${alice.uid}`),
    ]);
    for (const res of reads) {
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(alice.email);
    }
    expect((await alice.api.get('/users/me').expect(200)).body.email).toBe(alice.email);
  });

  it('API4 unrestricted resource consumption: when a client asks for huge pages, sends huge bodies or floods, then it is capped, refused with 413, or limited with 429', async () => {
    for (const limit of ['101', '100000', '-1', '0']) {
      const res = await alice.api.get(`/chats/${chatId}/messages`, { limit });
      expect([limit, res.status, codeOf(res)]).toEqual([limit, 400, 'invalid-argument']);
    }
    const page = await alice.api.get(`/chats/${chatId}/messages`, { limit: 100 });
    expect(page.status).toBe(200);
    for (const page of ['/chats', '/notifications'])
      expect((await alice.api.get(page, { limit: 101 })).status).toBe(400);

    const huge = await alice.api.patch('/users/me', { bio: 'x'.repeat(70_000) });
    expect([huge.status, codeOf(huge)]).toEqual([413, 'payload-too-large']);

    const limited = createHarness(
      parseConfig({
        APP_ENV: 'test',
        CORS_ORIGINS: [],
        RATE_LIMIT_WINDOW_SECONDS: 600,
        RATE_LIMIT_PER_USER: 3,
      }),
    );
    try {
      const user = await limited.newUser();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await request(limited.app)
          .get('/users/me')
          .set({ Authorization: `Bearer ${user.idToken}` });
        statuses.push(res.status);
        if (res.status === 429) {
          expect(codeOf(res)).toBe('resource-exhausted');
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    } finally {
      await limited.close();
    }
  });

  it('API5 broken function level authorization: when a user without the admin claim calls any admin route of the route table, then 403 and nothing changes', async () => {
    const adminRoutes = apiRoutes.filter((route) => route.auth === 'admin');
    expect(adminRoutes.length).toBeGreaterThan(10);
    // Every /admin path is declared admin-only (GET /users, every profile, is admin-only outside /admin).
    const underAdmin = apiRoutes.filter((route) => route.path.startsWith('/admin/'));
    expect(underAdmin.filter((route) => route.auth !== 'admin').map((route) => route.path)).toEqual([]);
    const ids: Record<string, string> = { uid: bob.uid, chatId, messageId };
    for (const route of adminRoutes) {
      const url = route.path.replace(/:(\w+)/g, (_m, name: string) => ids[name]);
      const agent = request(h.app);
      const call = agent[route.method](url).set({ Authorization: `Bearer ${alice.idToken}` });
      const res =
        route.method === 'get' || route.method === 'delete'
          ? await call
          : await call.send({ disabled: true, admin: true, title: 't', body: 'b', displayName: 'x' });
      expect([route.method, route.path, res.status, codeOf(res)]).toEqual([
        route.method,
        route.path,
        403,
        'permission-denied',
      ]);
    }
    expect((await h.auth.getUser(bob.uid)).disabled).toBe(false);
    expect((await h.auth.getUser(bob.uid)).customClaims?.admin).toBeUndefined();
    expect((await alice.api.get(`/chats/${chatId}/messages/${messageId}`)).body.deleted ?? false).toBe(false);
  });

  it('API6 unrestricted access to sensitive business flows: when a user floods sends (whatever the URL spelling), then the send limit answers 429 and only the budget is written', async () => {
    const limited = createHarness(
      parseConfig({
        APP_ENV: 'test',
        CORS_ORIGINS: [],
        RATE_LIMIT_WINDOW_SECONDS: 600,
        RATE_LIMIT_SENDS_PER_USER: 3,
      }),
    );
    try {
      const sender = await newPerson(limited);
      const other = await newPerson(limited);
      const group = await newGroup(sender, [other]);
      const spellings = [`/chats/${group}/messages`, `/CHATS/${group}/MESSAGES`, `/chats/${group}/messages/`];
      const statuses: number[] = [];
      for (let i = 0; i < 9; i++) {
        const res = await sender.api.post(spellings[i % spellings.length], { text: `flood ${i}` });
        statuses.push(res.status);
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(6);
      const written = await limited.db
        .collection(`chats/${group}/messages`)
        .where('type', '==', 'text')
        .get();
      expect(written.size).toBe(3);
    } finally {
      await limited.close();
    }
  });

  it('API7 server side request forgery: when the route table is read, then no input is a URL the server fetches, and a URL given as photoURL is never requested', async () => {
    // Every URL-shaped input in the contract.
    const urlInputs = new Set<string>();
    for (const methods of Object.values(buildOpenApiDocument(apiRoutes).paths))
      for (const operation of Object.values(methods as Record<string, OperationInputs>)) {
        for (const p of operation.parameters ?? []) collectUrlInputs(p.schema, p.name, urlInputs);
        collectUrlInputs(operation.requestBody?.content['application/json']?.schema, '', urlInputs);
      }
    expect([...urlInputs]).toEqual(['photoURL']);
    // No code on a request's path makes an outbound HTTP call (the Admin SDK's own calls aside).
    const outbound = /\bfetch\(|\bhttps?\.(request|get)\(|\baxios\b|\bgot\(|\bundici\b|new WebSocket\(/;
    const offenders = [
      ...sourceFiles(path.resolve(__dirname, '../src')),
      ...sourceFiles(path.resolve(__dirname, '../../packages/core/src')),
    ].filter((file) => outbound.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);

    // And in practice: a photoURL pointing at a server we run is stored as text, never fetched.
    let hits = 0;
    const bait = http.createServer((_req, res) => {
      hits++;
      res.end();
    });
    await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(bait.address() as AddressInfo).port}/latest/meta-data`;
      const res = await alice.api.patch('/users/me', { photoURL: url });
      expect(res.status).toBe(200);
      expect(res.body.photoURL).toBe(url);
      await bob.api.get(`/users/${alice.uid}`).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(hits).toBe(0);
    } finally {
      await new Promise((resolve) => bait.close(resolve));
    }
  });

  it('API8 security misconfiguration: when the function URL is called, then CORS allows only listed origins, security headers are set, X-Powered-By is not, and errors show no stack', async () => {
    const allowed = 'http://localhost:5173';
    const evil = 'https://evil.example';
    // CORS on the app itself: the Functions emulator answers every preflight with any origin before the
    // app runs (firebase-tools' own proxy), which production's front end does not do.
    const preflight = (origin: string) =>
      request(h.app).options('/users/me').set({
        Origin: origin,
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization',
      });
    expect((await preflight(allowed)).headers['access-control-allow-origin']).toBe(allowed);
    const refused = await preflight(evil);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect(refused.headers['access-control-allow-credentials']).toBeUndefined();
    const simple = await request(h.app).get('/ping').set({ Origin: evil });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    // The app sends no X-Powered-By (through the Functions emulator, its proxy adds one of its own).
    expect(simple.headers['x-powered-by']).toBeUndefined();

    const answers = await Promise.all([
      fetch(`${API_URL}/ping`, { headers: { Origin: evil } }),
      fetch(`${API_URL}/no-such-route`),
      fetch(`${API_URL}/users/me`),
      fetch(`${API_URL}/users`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${alice.idToken}`, 'Content-Type': 'application/json' },
        body: '{"displayName":',
      }),
    ]);
    for (const res of answers) {
      const text = await res.text();
      expect(text).not.toMatch(/\n\s+at |node_modules|\.js:\d+|\/functions\//);
    }
    const [ping, missing, unauthenticated, invalidJson] = answers;
    expect(ping.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ping.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(ping.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(ping.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect([missing.status, unauthenticated.status, invalidJson.status]).toEqual([404, 401, 400]);
  });
});

interface OperationInputs {
  parameters?: Array<{ name: string; schema: unknown }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
}

/** The names of inputs a schema types as URLs, or names like one (url, href, webhook, callback). */
function collectUrlInputs(schema: unknown, name: string, found: Set<string>): void {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as Record<string, unknown>;
  if (s.format === 'uri' || s.format === 'url' || /url|uri|href|webhook|callback/i.test(name))
    found.add(name);
  for (const [key, child] of Object.entries((s.properties as Record<string, unknown>) ?? {}))
    collectUrlInputs(child, key, found);
  for (const child of [...((s.anyOf as unknown[]) ?? []), ...((s.oneOf as unknown[]) ?? []), s.items])
    collectUrlInputs(child, name, found);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}
