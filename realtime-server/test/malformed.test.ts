import type { Socket } from 'socket.io-client';
import type { Message } from '@chat/core';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { Harness, call, eventually, next, ok, type ChatClient, type RunningRelay } from './support';

/** The socket without its event map: these tests send what the types forbid. */
const untyped = (socket: ChatClient) => socket as unknown as Socket;

describe('Malformed client events', () => {
  let h: Harness;
  let running: RunningRelay;
  let alice: TestUser;
  let bob: TestUser;
  let chatId: string;

  beforeEach(async () => {
    h = new Harness();
    running = await h.startRelay({ MAX_PAYLOAD_BYTES: '4096', EVENTS_PER_SECOND: '20' });
    [alice, bob] = await Promise.all([h.newUser(), h.newUser()]);
    chatId = await h.groupChat(alice, [bob]);
  });
  afterEach(() => h.cleanup());

  /** Bob, joined, is the bystander whose service must not suffer. */
  async function bystanderStillServed(): Promise<void> {
    const b = await h.chat(running.relay, bob.idToken);
    await ok(b, 'chat:join', { chatId });
    const arrival = next<Message>(b, 'message:new');
    const sent = await h.send(alice, chatId, 'still here');
    expect((await arrival).id).toBe(sent.id);
  }

  const dropped = () => running.logs.filter((entry) => entry.message.startsWith('Dropped'));

  it.each([
    ['a number for chatId', { chatId: 5 }],
    ['an unknown field', { chatId: 'abc', admin: true }],
    ['a string payload', 'abc'],
    ['null', null],
    ['an array', [1, 2, 3]],
    ['a slash in the id', { chatId: 'a/b' }],
  ])('when chat:join carries %s, then the ack says invalid-argument', async (_what, payload) => {
    const a = await h.chat(running.relay, alice.idToken);
    expect(await call(a, 'chat:join', payload)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', status: 400 },
    });
    expect(a.connected).toBe(true);
  });

  it('when an event has a bad payload and no ack callback, then it is dropped with a log line', async () => {
    const a = await h.chat(running.relay, alice.idToken);
    untyped(a).emit('chat:join', { nonsense: true });
    await eventually(() => expect(dropped().some((e) => e.event === 'chat:join')).toBe(true));
    expect(a.connected).toBe(true);
  });

  it('when an unknown event arrives, then it is answered not-found (with an ack) or dropped with a log line', async () => {
    const a = await h.chat(running.relay, alice.idToken);
    expect(await call(a, 'chat:explode', { chatId })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    untyped(a).emit('admin:everything', 1);
    await eventually(() => expect(dropped().some((e) => e.reason === 'unknown event')).toBe(true));
    await bystanderStillServed();
  });

  it('when a packet is larger than maxHttpBufferSize, then that connection is closed and everyone else is served', async () => {
    const a = await h.chat(running.relay, alice.idToken);
    const closed = next<string>(a, 'disconnect');
    untyped(a).emit('message:send', { chatId, text: 'x'.repeat(10_000), clientMessageId: 'huge' });
    expect(await closed).toMatch(/transport (close|error)/);
    await bystanderStillServed();
  });

  it('when a text is over the message limit but within the packet limit, then the ack says invalid-argument', async () => {
    const big = await h.startRelay({ MAX_PAYLOAD_BYTES: '65536' });
    const a = await h.chat(big.relay, alice.idToken);
    const answer = await call(a, 'message:send', { chatId, text: 'x'.repeat(5000), clientMessageId: 'long' });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', fields: [{ path: 'text' }] },
    });
  });

  it('when a socket floods, then the excess is refused with resource-exhausted, logged sparingly, and others are served', async () => {
    const a = await h.chat(running.relay, alice.idToken);
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => call(a, 'typing', { chatId, typing: true }).catch(() => null)),
    );
    const exhausted = answers.filter(
      (answer) => answer && !answer.ok && answer.error.code === 'resource-exhausted',
    );
    expect(exhausted.length).toBeGreaterThan(100);
    expect(dropped().length).toBeLessThan(5);
    await bystanderStillServed();
    // The budget refills with time: the socket is served again once it has (well within a few seconds).
    await eventually(async () => expect(await call(a, 'chat:join', { chatId })).toMatchObject({ ok: true }));
  });

  it('when a socket asks for more rooms than allowed, then the join is refused with resource-exhausted', async () => {
    const small = await h.startRelay({ MAX_ROOMS_PER_SOCKET: '1' });
    const other = await h.groupChat(alice, [bob]);
    const a = await h.chat(small.relay, alice.idToken);
    await ok(a, 'chat:join', { chatId });
    expect(await call(a, 'chat:join', { chatId: other })).toMatchObject({
      ok: false,
      error: { code: 'resource-exhausted' },
    });
  });
});
