/**
 * What one user can make one relay instance do is bounded: sockets per user (MAX_SOCKETS_PER_USER), and
 * the history one `chat:join` reads (HISTORY_LIMIT; the rest is paged through REST).
 */
import type { ChatJoined, Message } from '@chat/core';
import { Harness, eventually, ok, type ChatClient } from './support';

describe('Per-user caps on one relay instance', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.cleanup());

  it('when a user opens more sockets than MAX_SOCKETS_PER_USER, then the extra handshake is refused with resource-exhausted', async () => {
    const { relay } = await h.startRelay({ MAX_SOCKETS_PER_USER: '3' });
    const [user, other] = await Promise.all([h.newUser(), h.newUser()]);
    const held: ChatClient[] = [];
    for (let i = 0; i < 3; i += 1) held.push(await h.chat(relay, user.idToken));
    await expect(h.chat(relay, user.idToken)).rejects.toMatchObject({
      message: expect.stringContaining('At most 3 sockets'),
      data: { code: 'resource-exhausted', status: 429 },
    });
    // Another user is not affected, and a closed socket frees its place.
    await expect(h.chat(relay, other.idToken)).resolves.toBeDefined();
    held[0]?.disconnect();
    await eventually(() => expect(relay.stats().sockets).toBe(3)); // the relay has seen it go
    await expect(h.chat(relay, user.idToken)).resolves.toBeDefined();
  });

  it('when many handshakes of one user race, then no more than the cap get through', async () => {
    const { relay } = await h.startRelay({ MAX_SOCKETS_PER_USER: '4' });
    const user = await h.newUser();
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => h.chat(relay, user.idToken)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    expect(relay.stats().sockets).toBe(4);
  });

  it('when chat:join asks for more history than HISTORY_LIMIT, then it gets the newest HISTORY_LIMIT and hasMore', async () => {
    const { relay } = await h.startRelay({ HISTORY_LIMIT: '5' });
    const user = await h.newUser();
    const chatId = await h.groupChat(user, []);
    const sent: Message[] = [];
    for (let i = 0; i < 8; i += 1) sent.push(await h.send(user, chatId, `m${i}`));
    const socket = await h.chat(relay, user.idToken);
    const joined = await ok<ChatJoined>(socket, 'chat:join', { chatId, limit: 100 });
    expect(joined.messages.map((m) => m.text)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
    expect(joined.hasMore).toBe(true);
    // Missed messages after a cursor: also capped, and the rest is flagged.
    await ok(socket, 'chat:leave', { chatId });
    const after = await ok<ChatJoined>(socket, 'chat:join', { chatId, after: sent[0]?.id, limit: 500 });
    expect(after.messages.map((m) => m.text)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(after.hasMore).toBe(true);
  });

  it('when the whole history fits, then hasMore is false', async () => {
    const { relay } = await h.startRelay({ HISTORY_LIMIT: '5' });
    const user = await h.newUser();
    const chatId = await h.groupChat(user, []);
    await h.send(user, chatId, 'only');
    const socket = await h.chat(relay, user.idToken);
    const joined = await ok<ChatJoined>(socket, 'chat:join', { chatId });
    expect(joined.messages.map((m) => m.text)).toContain('only');
    expect(joined.hasMore).toBe(false);
  });
});
