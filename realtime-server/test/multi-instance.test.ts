import type { ChatJoined, Message, ServerGoodbye } from '@chat/core';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { startRedis, type RunningRedis } from '../../scripts/lib/redis';
import { Harness, collect, eventually, marker, next, ok, type RunningRelay } from './support';

describe('Two relay instances on one Redis', () => {
  let redis: RunningRedis;
  let h: Harness;
  let one: RunningRelay;
  let two: RunningRelay;
  let alice: TestUser;
  let bob: TestUser;
  let chatId: string;

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());

  beforeEach(async () => {
    h = new Harness();
    [one, two] = await Promise.all([
      h.startRelay({ REDIS_URL: redis.url }),
      h.startRelay({ REDIS_URL: redis.url }),
    ]);
    [alice, bob] = await Promise.all([h.newUser(), h.newUser()]);
    chatId = await h.groupChat(alice, [bob]);
  });
  afterEach(() => h.cleanup());

  it('when a client on each instance joins, then presence and typing cross between them', async () => {
    const a = await h.chat(one.relay, alice.idToken);
    await ok(a, 'chat:join', { chatId });
    const online = next(a, 'presence');
    const b = await h.chat(two.relay, bob.idToken);
    const joined = await ok<ChatJoined>(b, 'chat:join', { chatId });
    expect(joined.online.sort()).toEqual([alice.uid, bob.uid].sort());
    expect(await online).toEqual({ chatId, uid: bob.uid, online: true });

    const typing = next(b, 'typing');
    await ok(a, 'typing', { chatId, typing: true });
    expect(await typing).toEqual({ chatId, uid: alice.uid, typing: true });

    const offline = next(a, 'presence');
    b.disconnect();
    expect(await offline).toEqual({ chatId, uid: bob.uid, online: false });
  });

  it('when messages are sent, then each client on each instance gets every one exactly once, in order', async () => {
    const a = await h.chat(one.relay, alice.idToken);
    const b = await h.chat(two.relay, bob.idToken);
    const b2 = await h.chat(one.relay, bob.idToken); // bob has a tab on each instance
    await Promise.all([a, b, b2].map((s) => ok(s, 'chat:join', { chatId })));
    const seen = [a, b, b2].map((s) => collect<Message>(s, 'message:new'));
    const sent: Message[] = [];
    for (let i = 0; i < 20; i += 1) sent.push(await h.send(i % 2 ? alice : bob, chatId, `m${i}`));
    // One more message ends the window: each instance's listener delivers a chat's changes in commit order.
    sent.push(await h.send(alice, chatId, 'end'));
    for (const list of seen) await eventually(() => expect(list.map((m) => m.id)).toContain(sent.at(-1)?.id));
    for (const list of seen) expect(list.map((m) => m.id)).toEqual(sent.map((m) => m.id));
    expect([one.relay.stats().chatFeeds, two.relay.stats().chatFeeds]).toEqual([1, 1]);
  }, 90_000); // 21 sends one after another: over 30 s in a loaded full run

  it('when a private message is sent on one instance, then its recipient on the other gets it once', async () => {
    const a = await h.chat(one.relay, alice.idToken);
    const b = await h.chat(two.relay, bob.idToken);
    const atBob = collect<Message>(b, 'message:new');
    const sent = await ok<{ message: Message }>(a, 'message:private', {
      to: bob.uid,
      text: 'psst',
      clientMessageId: 'p1',
    });
    // A second private message ends the window: both go through the same Redis channel, in order.
    const end = await ok<{ message: Message }>(a, 'message:private', {
      to: bob.uid,
      text: 'end',
      clientMessageId: 'p2',
    });
    await eventually(() => expect(atBob.map((m) => m.id)).toContain(end.message.id));
    expect(atBob.map((m) => m.id)).toEqual([sent.message.id, end.message.id]);
  });

  it('when a user is disabled, then their sockets on both instances are closed', async () => {
    const s1 = await h.chat(one.relay, bob.idToken);
    const s2 = await h.chat(two.relay, bob.idToken);
    const goodbyes = [next<ServerGoodbye>(s1, 'server:goodbye'), next<ServerGoodbye>(s2, 'server:goodbye')];
    await h.auth.updateUser(bob.uid, { disabled: true });
    for (const goodbye of await Promise.all(goodbyes)) expect(goodbye.code).toBe('user-disabled');
    await eventually(() => expect([s1.connected, s2.connected]).toEqual([false, false]));
  });

  it('when a member is removed, then their sockets on every instance leave the room', async () => {
    const a = await h.chat(one.relay, alice.idToken);
    const a2 = await h.chat(two.relay, alice.idToken);
    const [b1, b2] = await Promise.all([h.chat(one.relay, bob.idToken), h.chat(two.relay, bob.idToken)]);
    await Promise.all([a, a2, b1, b2].map((s) => ok(s, 'chat:join', { chatId })));
    const removed = [next(b1, 'chat:removed'), next(b2, 'chat:removed')];
    await h.services.members.remove(h.as(alice), chatId, bob.uid);
    await Promise.all(removed);
    const atBob = [collect<Message>(b1, 'message:new'), collect<Message>(b2, 'message:new')];
    const atAlice = [next<Message>(a, 'message:new'), next<Message>(a2, 'message:new')];
    await h.send(alice, chatId, 'after removal');
    await Promise.all(atAlice); // both instances' listeners have emitted it
    const end = await marker(a, bob, b1);
    await eventually(() => expect(atBob[1]?.map((m) => m.id)).toContain(end.id));
    expect(atBob.map((list) => list.map((m) => m.id))).toEqual([[end.id], [end.id]]);
  });
});
