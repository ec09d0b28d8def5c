import type { ErrorEnvelope, ServerGoodbye } from '@chat/core';
import { unsignedToken } from '../../scripts/lib/auth-emulator';
import { Harness, PROJECT_ID, next, ok, sleep, type RunningRelay } from './support';

type ConnectError = Error & { data?: ErrorEnvelope['error'] };

describe('Relay authentication', () => {
  let h: Harness;
  let running: RunningRelay;

  beforeEach(async () => {
    h = new Harness();
    running = await h.startRelay();
  });
  afterEach(() => h.cleanup());

  async function refusal(token: string | undefined, namespace = '/chat'): Promise<ConnectError> {
    const socket = h.socket(`${running.relay.url}${namespace}`, token);
    const error = new Promise<ConnectError>((resolve, reject) => {
      socket.once('connect_error', resolve);
      socket.once('connect', () => reject(new Error('connected although it should have been refused')));
    });
    socket.connect();
    return error;
  }

  /** Auth-emulator tokens carry `auth_time` in whole seconds; a revocation must come a second later. */
  const secondBoundary = () => sleep(1100);

  it('when the handshake has no token, then connect_error carries unauthenticated', async () => {
    const error = await refusal(undefined);
    expect(error.data).toMatchObject({ code: 'unauthenticated', status: 401 });
  });

  it('when the token is garbage, then connect_error carries unauthenticated', async () => {
    const error = await refusal('not-a-jwt');
    expect(error.data?.code).toBe('unauthenticated');
  });

  it('when the token has expired, then connect_error carries token-expired', async () => {
    const user = await h.newUser();
    const error = await refusal(unsignedToken(PROJECT_ID, user.uid));
    expect(error.data?.code).toBe('token-expired');
  });

  it('when the user is disabled, then connect_error carries user-disabled on both namespaces', async () => {
    const user = await h.newUser();
    await h.auth.updateUser(user.uid, { disabled: true });
    expect((await refusal(user.idToken)).data?.code).toBe('user-disabled');
    expect((await refusal(user.idToken, '/notifications')).data?.code).toBe('user-disabled');
  });

  it('when the token was revoked, then connect_error carries token-revoked', async () => {
    const user = await h.newUser();
    await secondBoundary();
    await h.auth.revokeRefreshTokens(user.uid);
    expect((await refusal(user.idToken)).data?.code).toBe('token-revoked');
  });

  it('when a valid token connects, then the socket is in and the refusal is logged for no one', async () => {
    const user = await h.newUser();
    const socket = await h.chat(running.relay, user.idToken);
    expect(socket.connected).toBe(true);
    expect(running.logs.filter((entry) => entry.message.startsWith('Connection refused'))).toHaveLength(0);
  });

  it('when a socket is in, then the server keeps no copy of its token (fetchSockets would ship it to other instances)', async () => {
    const user = await h.newUser();
    await h.chat(running.relay, user.idToken);
    const [socket] = await running.relay.io.of('/chat').fetchSockets();
    expect(socket?.data.session.auth.uid).toBe(user.uid);
    expect(JSON.stringify(socket?.handshake)).not.toContain(user.idToken);
  });

  it('when the token is revoked while connected, then the socket is told token-revoked and closed', async () => {
    const user = await h.newUser();
    const chat = await h.chat(running.relay, user.idToken);
    const notifications = await h.notifications(running.relay, user.idToken);
    const goodbyes = [
      next<ServerGoodbye>(chat, 'server:goodbye'),
      next<ServerGoodbye>(notifications, 'server:goodbye'),
    ];
    const closed = [next<string>(chat, 'disconnect'), next<string>(notifications, 'disconnect')];
    await secondBoundary();
    await h.auth.revokeRefreshTokens(user.uid);
    for (const goodbye of await Promise.all(goodbyes))
      expect(goodbye).toMatchObject({ code: 'token-revoked', reconnect: false });
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
  });

  it('when the user is disabled while connected, then the socket is told user-disabled and closed', async () => {
    const user = await h.newUser();
    const chat = await h.chat(running.relay, user.idToken);
    const goodbye = next<ServerGoodbye>(chat, 'server:goodbye');
    const closed = next<string>(chat, 'disconnect');
    await h.auth.updateUser(user.uid, { disabled: true });
    expect(await goodbye).toMatchObject({ code: 'user-disabled' });
    expect(await closed).toBe('io server disconnect');
  });

  it('when the token expires while connected, then the socket is told token-expired and closed', async () => {
    const user = await h.newUser();
    const now = Math.floor(Date.now() / 1000);
    const shortLived = unsignedToken(PROJECT_ID, user.uid, { iat: now, auth_time: now, exp: now + 4 });
    const chat = await h.chat(running.relay, shortLived);
    const closed = next<string>(chat, 'disconnect', 10_000);
    const goodbye = await next<ServerGoodbye>(chat, 'server:goodbye', 10_000);
    expect(goodbye).toMatchObject({ code: 'token-expired', reconnect: true });
    expect(await closed).toBe('io server disconnect');
  });

  it('when the client sends auth:refresh with a fresh token before expiry, then the socket stays connected', async () => {
    const user = await h.newUser();
    const now = Math.floor(Date.now() / 1000);
    const shortLived = unsignedToken(PROJECT_ID, user.uid, { iat: now, auth_time: now, exp: now + 4 });
    const chat = await h.chat(running.relay, shortLived);
    const refreshed = await ok<{ expiresAt: string }>(chat, 'auth:refresh', { token: user.idToken });
    expect(Date.parse(refreshed.expiresAt)).toBeGreaterThan(Date.now() + 30 * 60_000);
    await sleep((now + 5) * 1000 - Date.now()); // past the first token's expiry
    expect(chat.connected).toBe(true);
  });

  it("when auth:refresh carries another user's token, then it is refused and the session is unchanged", async () => {
    const [alice, bob] = await Promise.all([h.newUser(), h.newUser()]);
    const chat = await h.chat(running.relay, alice.idToken);
    const answer = (await chat.timeout(5000).emitWithAck('auth:refresh', { token: bob.idToken })) as {
      ok: boolean;
      error?: { code: string };
    };
    expect(answer).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
    expect(chat.connected).toBe(true);
  });
});
