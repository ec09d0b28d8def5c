import type { Message } from '@chat/core';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { Harness, collect, eventually, marker, next, ok, type RunningRelay } from './support';

/** The REST API as deployed (the functions emulator), which scripts/stack.ts starts and names in API_URL. */
const API_URL = process.env.API_URL;
// Without the functions emulator (API_URL unset) there is no REST API to call; the core-service tests cover
// the same path one layer down.
const describeWithApi = API_URL ? describe : describe.skip;

describeWithApi('Messages sent through the REST API', () => {
  let h: Harness;
  let running: RunningRelay;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;

  beforeEach(async () => {
    h = new Harness();
    running = await h.startRelay();
    [alice, bob, carol] = await Promise.all([h.newUser(), h.newUser(), h.newUser()]);
  });
  afterEach(() => h.cleanup());

  const post = (user: TestUser, chatId: string, text: string, key?: string) =>
    fetch(`${API_URL}/chats/${chatId}/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${user.idToken}`,
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify({ text }),
    });

  it('when a message is POSTed, then it arrives once on sockets in the room and nowhere else', async () => {
    const chatId = await h.groupChat(alice, [bob]);
    const elsewhere = await h.groupChat(carol, [alice]);
    const [a, b, c] = await Promise.all([alice, bob, carol].map((u) => h.chat(running.relay, u.idToken)));
    await ok(a, 'chat:join', { chatId });
    await ok(b, 'chat:join', { chatId });
    await ok(c, 'chat:join', { chatId: elsewhere });
    const atBob = collect<Message>(b, 'message:new');
    const atCarol = collect<Message>(c, 'message:new');
    const atAlice = next<Message>(a, 'message:new');

    const first = await post(alice, chatId, 'over HTTP', 'rest-key-1');
    expect(first.status).toBe(201);
    const sent = (await first.json()) as Message;
    const replay = await post(alice, chatId, 'over HTTP', 'rest-key-1');
    expect(replay.status).toBe(200);

    expect(await atAlice).toEqual(sent);
    // One more message ends Bob's window (the room gets its changes in order), a marker ends Carol's.
    const end = await h.send(alice, chatId, 'end');
    await eventually(() => expect(atBob.map((m) => m.id)).toContain(end.id));
    expect(atBob.map((m) => m.id)).toEqual([sent.id, end.id]);
    const carols = await marker(a, carol, c);
    expect(atCarol.map((m) => m.id)).toEqual([carols.id]);
  });
});
