/**
 * The relay client's token handling against a real relay: it refreshes a token before it expires
 * (`auth:refresh` on the live socket), and when that fails and the relay closes the socket as expired, it
 * reconnects with a freshly forced token, rejoins with its cursor and misses nothing.
 */
import { RelayClient } from '@chat/client';
import type { ServerGoodbye } from '@chat/core';
import { unsignedToken, type TestUser } from '../../scripts/lib/auth-emulator';
import { Harness, PROJECT_ID, eventually, next, sleep } from './support';

/** A token of `user` that expires `seconds` from now (the emulator accepts unsigned tokens). */
function shortLived(user: TestUser, seconds: number): { token: string; expiresAt: number } {
  const now = Math.floor(Date.now() / 1000);
  return {
    token: unsignedToken(PROJECT_ID, user.uid, { iat: now, auth_time: now, exp: now + seconds }),
    expiresAt: (now + seconds) * 1000,
  };
}

describe('The relay client and expiring tokens', () => {
  let h: Harness;
  let alice: TestUser;
  let bob: TestUser;
  let chatId: string;

  beforeEach(async () => {
    h = new Harness();
    [alice, bob] = [await h.newUser({ welcome: false }), await h.newUser({ welcome: false })];
    chatId = await h.groupChat(alice, [bob]);
  });
  afterEach(() => h.cleanup());

  it('when its token nears expiry, then the client refreshes it on the socket and stays connected past the old expiry', async () => {
    const { relay } = await h.startRelay();
    const first = shortLived(alice, 6);
    const asked: boolean[] = [];
    const client = new RelayClient({
      url: relay.url,
      getToken: async (force) => {
        asked.push(force);
        return force ? alice.idToken : first.token;
      },
      refreshBeforeMs: 4_000,
      socket: { forceNew: true },
    });
    h.defer(() => client.close());
    const refreshed = new Promise<void>((resolve) =>
      client.socket.onAnyOutgoing((event) => event === 'auth:refresh' && resolve()),
    );
    const disconnects: string[] = [];
    client.socket.on('disconnect', (reason) => disconnects.push(reason));
    await client.join(chatId);
    await refreshed;
    expect(asked).toEqual([false, true]);
    // Past the first token's expiry: the relay would have closed a socket still on it.
    await sleep(Math.max(0, first.expiresAt + 1_500 - Date.now()));
    const sent = await client.send(chatId, 'still here');
    expect(sent.text).toBe('still here');
    expect(disconnects).toEqual([]);
  });

  it('when the refresh fails and the token expires, then it reconnects with a forced fresh token, rejoins and misses nothing', async () => {
    const { relay } = await h.startRelay();
    const first = shortLived(alice, 4);
    let forced = 0;
    const client = new RelayClient({
      url: relay.url,
      getToken: async (force) => {
        if (!force) return first.token;
        forced += 1;
        // The proactive refresh fails (offline, say); the one after the relay said "expired" works.
        if (forced === 1) throw new Error('network down');
        return alice.idToken;
      },
      refreshBeforeMs: 2_000,
      socket: { forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 300 },
    });
    h.defer(() => client.close());
    const seen: string[] = [];
    client.onMessage((m) => seen.push(m.id));
    await client.join(chatId);
    const before = await h.send(bob, chatId, 'before');
    await eventually(() => expect(seen).toEqual([before.id]));

    const goodbye = next<ServerGoodbye>(client.socket, 'server:goodbye', 15_000);
    expect((await goodbye).code).toBe('token-expired');
    // Listen before sending: the reconnect can finish while the send is still on its way.
    const reconnected = next(client.socket, 'connect', 15_000);
    const during = await h.send(bob, chatId, 'while expired');
    await reconnected;
    const after = await h.send(bob, chatId, 'after');
    await eventually(() => expect(seen).toEqual([before.id, during.id, after.id]));
    expect(forced).toBe(2);
  });
});
