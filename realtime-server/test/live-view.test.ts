/**
 * The admin live view (`GET /admin/live`): every instance's sockets and rooms, for app admins only. Two
 * real relay instances share a real Redis; the figures of both come back from either one.
 */
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { createUser } from '../../scripts/lib/auth-emulator';
import { startRedis, type RunningRedis } from '../../scripts/lib/redis';
import type { LiveViewReport } from '../src/admin/live-view';
import { Harness, ok, uniqueId, type RunningRelay } from './support';

const liveView = (relay: RunningRelay, token?: string, origin?: string) =>
  fetch(`${relay.relay.url}/admin/live`, {
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(origin ? { origin } : {}),
    },
  });

describe('The relay live view, on two instances', () => {
  let redis: RunningRedis;
  let h: Harness;
  let one: RunningRelay;
  let two: RunningRelay;
  let admin: TestUser;
  let alice: TestUser;
  const panel = 'http://127.0.0.1:5999';

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());

  beforeEach(async () => {
    h = new Harness();
    const env = { REDIS_URL: redis.url, CORS_ORIGINS: panel };
    [one, two] = await Promise.all([h.startRelay(env), h.startRelay(env)]);
    admin = await createUser(h.auth, { uid: uniqueId('admin'), claims: { admin: true } });
    alice = await h.newUser();
  });
  afterEach(() => h.cleanup());

  it('when an admin asks either instance, then both instances are listed with their own sockets and rooms', async () => {
    const bob = await h.newUser();
    const chatId = await h.groupChat(alice, [bob]);
    const onOne = await h.chat(one.relay, alice.idToken);
    const onTwo = await h.chat(two.relay, bob.idToken);
    await h.chat(two.relay, bob.idToken);
    await h.notifications(two.relay, bob.idToken);
    await ok(onOne, 'chat:join', { chatId });
    await ok(onTwo, 'chat:join', { chatId });

    const response = await liveView(one, admin.idToken, panel);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(panel);
    const report = (await response.json()) as LiveViewReport;
    expect(report.complete).toBe(true);
    expect(report.instances).toHaveLength(2);
    const [self, peer] = report.instances;
    expect(self?.instance).toBe(report.self);
    expect(self).toMatchObject({ sockets: { chat: 1, notifications: 0 }, users: 1 });
    expect(self?.rooms).toContainEqual({ room: `chat:${chatId}`, sockets: 1 });
    expect(peer).toMatchObject({ sockets: { chat: 2, notifications: 1 }, users: 1 });
    expect(peer?.rooms).toContainEqual({ room: `chat:${chatId}`, sockets: 1 });

    // The other instance answers the same figures, itself first.
    const fromTwo = (await (await liveView(two, admin.idToken)).json()) as LiveViewReport;
    expect(fromTwo.self).toBe(peer?.instance);
    expect(fromTwo.instances.map((i) => i.instance)).toEqual([peer?.instance, self?.instance]);
  });

  it('when a signed-in user without the admin claim asks, then it answers 403 permission-denied', async () => {
    const response = await liveView(one, alice.idToken);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'permission-denied' } });
  });

  it('when nobody is signed in, or the token is not one, then it answers 401 and no figures', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const response = await liveView(one, token);
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { code: string }; instances?: unknown };
      expect(body.error.code).toBe('unauthenticated');
      expect(body.instances).toBeUndefined();
    }
  });

  it('when the panel preflights from an allowed origin, then only that origin is allowed, and /healthz stays a bare verdict', async () => {
    const preflight = await fetch(`${one.relay.url}/admin/live`, {
      method: 'OPTIONS',
      headers: { origin: panel, 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(panel);
    const stranger = await liveView(one, admin.idToken, 'http://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    expect(await (await fetch(`${one.relay.url}/healthz`)).json()).toEqual({ status: 'ok' });
  });
});
