/**
 * CORS and security headers, through the exact app. The allowed origin is the test config's
 * `http://localhost:5173`, as `CORS_ORIGINS` gives it to the deployed function. The CORS checks call
 * `PUBLIC_ROUTE` (`/ping` failed a loaded CI run here that was not about health at all).
 */
import request from 'supertest';
import { createHarness, PUBLIC_ROUTE, type Harness } from './support';

const ALLOWED = 'http://localhost:5173';
const OTHER = 'https://evil.example.com';

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

describe('CORS', () => {
  it('when an allowed origin calls, then it gets Access-Control-Allow-Origin for that origin and the exposed headers', async () => {
    const res = await request(h.app).get(PUBLIC_ROUTE).set('Origin', ALLOWED).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['vary']).toMatch(/Origin/);
    expect(res.headers['access-control-expose-headers']).toMatch(/X-Request-Id/);
    expect(res.headers['access-control-expose-headers']).toMatch(/Retry-After/);
  });

  it('when another origin calls, then no Access-Control-Allow-Origin is sent (the browser blocks the read)', async () => {
    const res = await request(h.app).get(PUBLIC_ROUTE).set('Origin', OTHER).expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when an allowed origin sends a preflight, then it is answered with the methods and the Authorization header allowed', async () => {
    const res = await request(h.app)
      .options('/chats/abc/messages')
      .set('Origin', ALLOWED)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,idempotency-key');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(res.headers['access-control-allow-methods']).toMatch(/PATCH/);
    expect(res.headers['access-control-allow-headers']).toMatch(/authorization/i);
    expect(res.headers['access-control-max-age']).toBe('3600');
  });

  it('when another origin sends a preflight, then it gets no CORS grant', async () => {
    const res = await request(h.app)
      .options('/chats')
      .set('Origin', OTHER)
      .set('Access-Control-Request-Method', 'POST');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('security headers', () => {
  it('when any response is sent, then helmet headers are on it and X-Powered-By is not', async () => {
    for (const res of [
      await request(h.app).get('/ping'),
      await request(h.app).get('/no-such-route'),
      await request(h.app).get('/users/me'),
    ]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
