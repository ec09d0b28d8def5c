/**
 * Smoke test through the Functions emulator's real function URL: the same Express app, but behind the
 * Cloud Functions request pipeline, where the function name is a path prefix and the body arrives
 * pre-parsed. Also shows the Firestore trigger running inside the Functions emulator.
 */
import { createHarness, requireEnv, type Harness } from './support';
import { eventually } from './chat-support';

const API_URL = requireEnv('API_URL');
let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

interface Answer {
  status: number;
  body: { status?: string; error?: { code: string; message: string } } & Record<string, unknown>;
}

async function call(path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${API_URL}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

describe('the api function URL', () => {
  it('when /ping is called, then it answers from the deployed app with ok and nothing more', async () => {
    const res = await call('/ping');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('when the path has a trailing slash, then it reaches the same route', async () => {
    const res = await call('/ping/');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('when the bare function URL is called, then the 404 envelope answers, not the framework', async () => {
    for (const path of ['', '/']) {
      const res = await call(path);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not-found', message: 'No route for GET /.' });
    }
  });

  it('when a user signs up through the URL, then the profile is created and the userCreated trigger greets them', async () => {
    const user = await h.newUser();
    const res = await call('/users', {
      method: 'POST',
      headers: { Authorization: `Bearer ${user.idToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: 'Through the URL' }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ uid: user.uid, displayName: 'Through the URL' });

    const welcome = h.db.doc(`users/${user.uid}/notifications/welcome`);
    const snapshot = await eventually(
      () => welcome.get(),
      (doc) => doc.exists,
      20_000,
      'the welcome notification the userCreated trigger writes',
    );
    expect(snapshot.data()).toMatchObject({
      type: 'welcome',
      title: 'Welcome, Through the URL!',
      readAt: null,
    });
  }, 30_000);

  it('when the body is oversized, then 413 in our envelope and nothing is written', async () => {
    const user = await h.newUser();
    const res = await call('/users', {
      method: 'POST',
      headers: { Authorization: `Bearer ${user.idToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: 'Big', bio: 'x'.repeat(100_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('payload-too-large');
    expect((await h.db.doc(`users/${user.uid}`).get()).exists).toBe(false);
  });

  it('when /docs is opened under the function URL, then the document it names resolves inside the function and loads', async () => {
    for (const path of ['/docs', '/docs/']) {
      const page = await fetch(`${API_URL}${path}`);
      expect([path, page.status]).toEqual([path, 200]);
      const html = await page.text();
      // What the browser does: every reference resolved against the page's own URL (after the redirect).
      const specRef = html.match(/data-spec-url="([^"]+)"/)?.[1] ?? 'no data-spec-url on the page';
      const specUrl = new URL(specRef, page.url);
      expect(specUrl.href).toBe(`${API_URL}/openapi.json`);
      const spec = await fetch(specUrl);
      expect(spec.status).toBe(200);
      expect(spec.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await spec.json()) as { openapi?: string }).openapi).toBe('3.1.0');
      for (const [, ref = ''] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
        const asset = await fetch(new URL(ref, page.url));
        expect([ref, asset.status]).toEqual([ref, 200]);
      }
    }
    // The script takes the URL from the page, resolved against the page: by the time `load` fires,
    // `document.currentScript` is null, so a URL relative to the script resolved against the page instead.
    const init = await (await fetch(`${API_URL}/docs/init.js`)).text();
    expect(init).toContain("document.body.getAttribute('data-spec-url'), document.baseURI");
    expect(init).not.toContain('currentScript');
  }, 30_000);

  it('when the JSON is invalid, then a plain 400 as in production: no stack trace, no file paths', async () => {
    // The framework parses JSON before our code runs (production's Functions Framework and the emulator
    // alike), so this answer is Express' final handler's; with NODE_ENV=production it names nothing.
    const res = await fetch(`${API_URL}/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"displayName": ',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toMatch(/SyntaxError|node_modules|\.js:\d+|\sat\s/);
    await expect(call('/ping')).resolves.toMatchObject({ status: 200 });
  });

  it.each([
    ['text/plain', 'displayName=Plain'],
    ['application/x-www-form-urlencoded', 'displayName=Form'],
    ['application/octet-stream', 'raw bytes'],
  ])(
    'when the body is %s, not JSON, then 400 invalid-argument in our envelope and nothing is written',
    async (type, body) => {
      const user = await h.newUser();
      const res = await call('/users', {
        method: 'POST',
        headers: { Authorization: `Bearer ${user.idToken}`, 'Content-Type': type },
        body,
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'invalid-argument',
        message: expect.stringContaining('application/json'),
      });
      expect((await h.db.doc(`users/${user.uid}`).get()).exists).toBe(false);
    },
  );
});
