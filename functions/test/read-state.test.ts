import { createHarness, type Harness } from './support';
import { deliverMessageCreated, fieldPaths, newGroup, newPerson, send, type Person } from './chat-support';

jest.setTimeout(60_000);

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

async function sendAndDeliver(person: Person, chatId: string, text: string) {
  const message = await send(person, chatId, text);
  await deliverMessageCreated(h, chatId, message.id);
  return message;
}

const unread = async (person: Person, chatId: string): Promise<number> =>
  (await person.api.get(`/chats/${chatId}`)).body.membership.unreadCount;

describe('POST /chats/:chatId/read', () => {
  it('when a member reads up to a message, then the later ones stay unread', async () => {
    const [owner, reader] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [reader]);
    const sent = [];
    for (let i = 0; i < 4; i++) sent.push(await sendAndDeliver(owner, chatId, `m${i}`));
    expect(await unread(reader, chatId)).toBe(4);

    const res = await reader.api.post(`/chats/${chatId}/read`, { messageId: sent[1]!.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ uid: reader.uid, lastReadMessageId: sent[1]!.id, unreadCount: 2 });

    await reader.api.post(`/chats/${chatId}/read`, { messageId: sent[3]!.id }).expect(200);
    expect(await unread(reader, chatId)).toBe(0);
  });

  it('when an older message is marked read, then the position does not move back', async () => {
    const [owner, reader] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [reader]);
    const first = await sendAndDeliver(owner, chatId, 'one');
    const second = await sendAndDeliver(owner, chatId, 'two');
    await reader.api.post(`/chats/${chatId}/read`, { messageId: second.id }).expect(200);
    const res = await reader.api.post(`/chats/${chatId}/read`, { messageId: first.id });
    expect(res.body).toMatchObject({ lastReadMessageId: second.id, unreadCount: 0 });
  });

  it('when messages arrive after the read position, then only they count, even if their events come late', async () => {
    const [owner, reader] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [reader]);
    const a = await send(owner, chatId, 'a');
    const b = await send(owner, chatId, 'b');
    const c = await send(owner, chatId, 'c');
    // The reader reads up to b before any event was delivered here, then the events arrive, c first.
    await reader.api.post(`/chats/${chatId}/read`, { messageId: b.id }).expect(200);
    for (const message of [c, a, b, c]) await deliverMessageCreated(h, chatId, message.id);
    expect(await unread(reader, chatId)).toBe(1);
  });

  it('when the message is unknown, the caller a stranger, or the body wrong, then 404 / 404 / 400', async () => {
    const [owner, stranger] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, []);
    const message = await send(owner, chatId, 'x');
    expect((await owner.api.post(`/chats/${chatId}/read`, { messageId: 'missing' })).status).toBe(404);
    expect((await stranger.api.post(`/chats/${chatId}/read`, { messageId: message.id })).status).toBe(404);
    const bad = await owner.api.post(`/chats/${chatId}/read`, { messageId: 7, upTo: 'all' });
    expect(bad.status).toBe(400);
    expect(fieldPaths(bad.body).sort()).toEqual(['messageId', 'upTo']);
  });
});

describe('GET /unread-counts', () => {
  it('when a user has unread messages in several chats, then each chat and the total are reported', async () => {
    const [me, a, b] = [await newPerson(h), await newPerson(h), await newPerson(h)];
    const one = await newGroup(a, [me]);
    const two = (await b.api.post('/chats', { type: 'direct', memberId: me.uid })).body.id as string;
    await sendAndDeliver(a, one, 'x');
    await sendAndDeliver(a, one, 'y');
    await sendAndDeliver(b, two, 'z');
    await sendAndDeliver(me, two, 'mine does not count');

    const res = await me.api.get('/unread-counts');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(
      Object.fromEntries(
        res.body.chats.map((c: { chatId: string; unreadCount: number }) => [c.chatId, c.unreadCount]),
      ),
    ).toEqual({
      [one]: 2,
      [two]: 1,
    });
  });
});
