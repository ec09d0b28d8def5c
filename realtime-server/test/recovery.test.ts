import type { ChatJoined, Message } from '@chat/core';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { FieldValue } from 'firebase-admin/firestore';
import { RelayClient, RelayNotifications } from '@chat/client';
import { Harness, collect, eventually, ok } from './support';

describe('Missed-message recovery', () => {
  let h: Harness;
  let alice: TestUser;
  let bob: TestUser;

  beforeEach(async () => {
    h = new Harness();
    [alice, bob] = await Promise.all([h.newUser(), h.newUser()]);
  });
  afterEach(() => h.cleanup());

  const sendMany = async (user: TestUser, chatId: string, prefix: string, count: number) => {
    const sent: Message[] = [];
    for (let i = 0; i < count; i += 1) sent.push(await h.send(user, chatId, `${prefix}-${i}`));
    return sent;
  };
  /** Alice on the project's relay client, connected and in `chatId`, with every message id it delivered. */
  const aliceJoined = async (url: string, chatId: string) => {
    const client = new RelayClient({
      url,
      getToken: async () => alice.idToken,
      socket: { reconnectionDelay: 100, reconnectionDelayMax: 300, forceNew: true },
    });
    h.defer(() => client.close());
    const seen: string[] = [];
    client.onMessage((m) => seen.push(m.id));
    await new Promise<void>((resolve) => client.socket.once('connect', () => resolve()));
    await client.join(chatId);
    return { client, seen };
  };
  /** Alice's notifications client, subscribed, holding n1 (written and delivered live), with what it delivered. */
  const aliceSubscribed = async (url: string) => {
    const client = new RelayNotifications({
      url,
      getToken: async () => alice.idToken,
      socket: { reconnectionDelay: 100, reconnectionDelayMax: 300, forceNew: true },
    });
    h.defer(() => client.close());
    const seen: string[] = [];
    client.onNotification((n) => seen.push(n.id));
    await client.whenSubscribed();
    await notify('n1');
    await eventually(() => expect(seen).toEqual(['n1']));
    return { client, seen };
  };
  /** A notification written straight into alice's inbox, as the fan-out would. */
  const notify = (id: string) =>
    h.db.collection('users').doc(alice.uid).collection('notifications').doc(id).create({
      type: 'test',
      title: id,
      body: '',
      subject: null,
      createdAt: FieldValue.serverTimestamp(),
      readAt: null,
    });

  it('when a client rejoins with its cursor while messages keep coming, then it gets every missed message exactly once', async () => {
    const { relay } = await h.startRelay();
    const chatId = await h.groupChat(alice, [bob]);
    const first = await h.chat(relay, alice.idToken);
    await ok(first, 'chat:join', { chatId });
    const live = collect<Message>(first, 'message:new');
    const before = await sendMany(bob, chatId, 'before', 3);
    await eventually(() => expect(live).toHaveLength(3));
    const cursor = live[live.length - 1]?.id;
    first.disconnect();

    const missed = await sendMany(bob, chatId, 'offline', 5);
    const second = await h.chat(relay, alice.idToken);
    const arrivedLive = collect<Message>(second, 'message:new');
    // Sends racing the join: each must come either in the ack or live, never both, never neither.
    const racing = sendMany(bob, chatId, 'racing', 5);
    const joined = await ok<ChatJoined>(second, 'chat:join', { chatId, after: cursor });
    const during = await racing;
    // A last message ends the window: the room's changes arrive in commit order, so every earlier one is in.
    const [end] = await sendMany(bob, chatId, 'end', 1);
    await eventually(() => expect(arrivedLive.map((m) => m.id)).toContain(end?.id));
    const received = [...joined.messages, ...arrivedLive].map((m) => m.id).filter((id) => id !== end?.id);
    expect(new Set(received).size).toBe(received.length);
    expect(received.sort()).toEqual([...missed, ...during].map((m) => m.id).sort());
    expect(received).not.toContain(before[0]?.id);
  });

  it('when the relay restarts, then a reconnecting client recovers from Firestore with zero lost and zero duplicated', async () => {
    const first = await h.startRelay();
    const port = first.relay.port;
    const chatId = await h.groupChat(alice, [bob]);
    const { client, seen } = await aliceJoined(first.relay.url, chatId);
    const before = await sendMany(bob, chatId, 'before', 3);
    await eventually(() => expect(seen).toHaveLength(3));

    await first.close();
    const whileDown = await sendMany(bob, chatId, 'down', 4);
    const reconnected = new Promise<void>((resolve) => client.socket.once('connect', () => resolve()));
    const second = await h.startRelay({ PORT: String(port) });
    await reconnected;
    const after = await sendMany(bob, chatId, 'after', 3);

    const [end] = await sendMany(bob, chatId, 'end', 1);
    const expected = [...before, ...whileDown, ...after, ...(end ? [end] : [])].map((m) => m.id);
    await eventually(() => expect(seen).toContain(end?.id));
    expect(seen).toEqual(expected);
    expect(second.relay.stats().chatFeeds).toBe(1);
  });

  it('when a client missed more messages than one join returns, then its rejoin pages on and it gets every one once, in order', async () => {
    // A history page of 4, so that a few messages are more than a page (the default page is 50).
    const { relay } = await h.startRelay({ HISTORY_LIMIT: '4' });
    const chatId = await h.groupChat(alice, [bob]);
    const { client, seen } = await aliceJoined(relay.url, chatId);
    const before = await sendMany(bob, chatId, 'before', 2);
    await eventually(() => expect(seen).toHaveLength(2));

    client.socket.disconnect();
    const away = await sendMany(bob, chatId, 'away', 11); // three pages: 4, 4 and 3
    client.socket.connect();
    const [end] = await sendMany(bob, chatId, 'end', 1);
    await eventually(() => expect(seen).toContain(end?.id));
    expect(seen).toEqual([...before, ...away, ...(end ? [end] : [])].map((m) => m.id));
  });

  it('when the relay restarts, then the notifications client gets the missed notifications once, in order', async () => {
    const first = await h.startRelay();
    const port = first.relay.port;
    const { client, seen } = await aliceSubscribed(first.relay.url);

    await first.close();
    await notify('n2');
    await notify('n3');
    const resubscribed = client.whenSubscribed();
    await h.startRelay({ PORT: String(port) });
    await resubscribed;
    await notify('n4');
    await notify('n5'); // the end of the window: the inbox arrives in order
    await eventually(() => expect(seen).toContain('n5'));
    expect(seen).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
  });

  it('when a client missed more notifications than one subscribe returns, then it pages on and gets every one once, in order', async () => {
    const { relay } = await h.startRelay({ HISTORY_LIMIT: '2' });
    const { client, seen } = await aliceSubscribed(relay.url);

    client.socket.disconnect();
    for (const id of ['n2', 'n3', 'n4', 'n5', 'n6']) await notify(id); // three pages: 2, 2 and 1
    const resubscribed = client.whenSubscribed();
    client.socket.connect();
    await resubscribed;
    await notify('n7');
    await eventually(() => expect(seen).toContain('n7'));
    expect(seen).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']);
  });
});
