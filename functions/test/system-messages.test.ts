import { createHarness, type Harness } from './support';
import { deliverMessageCreated, fieldPaths, newGroup, newPerson, send } from './chat-support';

jest.setTimeout(60_000);

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

interface Wire {
  id: string;
  type: string;
  senderId: string;
  text: string;
  system: Record<string, unknown> | null;
}

describe('System messages: a chat’s changes in its message history', () => {
  it('when members are added, removed and leave and the chat is renamed, then each change is one system message, in order', async () => {
    const [owner, bob, carol] = [await newPerson(h), await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [bob]);
    await owner.api.post(`/chats/${chatId}/members`, { uid: carol.uid }).expect(201);
    await owner.api.patch(`/chats/${chatId}`, { title: 'Renamed' }).expect(200);
    await send(bob, chatId, 'a text in between');
    await owner.api.delete(`/chats/${chatId}/members/${carol.uid}`).expect(204);
    await bob.api.post(`/chats/${chatId}/leave`).expect(204);

    const res = await owner.api.get(`/chats/${chatId}/messages`);
    expect(res.status).toBe(200);
    const messages = res.body.messages as Wire[];
    expect(messages.map((m) => [m.type, m.senderId, m.text, m.system])).toEqual([
      ['system', owner.uid, '', { event: 'member-added', uid: carol.uid }],
      ['system', owner.uid, '', { event: 'renamed', title: 'Renamed' }],
      ['text', bob.uid, 'a text in between', null],
      ['system', owner.uid, '', { event: 'member-removed', uid: carol.uid }],
      ['system', bob.uid, '', { event: 'member-left', uid: bob.uid }],
    ]);
  });

  it('when a change is refused, then no system message is written', async () => {
    const [owner, bob] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [bob]);
    expect((await owner.api.post(`/chats/${chatId}/members`, { uid: bob.uid })).status).toBe(409);
    expect((await bob.api.patch(`/chats/${chatId}`, { title: 'Mine now' })).status).toBe(403);
    expect((await owner.api.post(`/chats/${chatId}/leave`)).status).toBe(412);
    expect((await h.db.collection(`chats/${chatId}/messages`).get()).size).toBe(0);
  });

  it('when a system message is created, then nobody’s unread count moves, nobody is notified and it is not the last message', async () => {
    const [owner, bob, carol] = [await newPerson(h), await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [bob]);
    await owner.api.post(`/chats/${chatId}/members`, { uid: carol.uid }).expect(201);
    const [system] = (await h.db.collection(`chats/${chatId}/messages`).get()).docs;
    expect(system?.get('type')).toBe('system');

    expect(await deliverMessageCreated(h, chatId, system!.id)).toEqual({ counted: 0, notified: 0 });
    const chat = await bob.api.get(`/chats/${chatId}`);
    expect(chat.body.lastMessage).toBeNull();
    expect(chat.body.membership.unreadCount).toBe(0);
    const notified = await h.db
      .collectionGroup('notifications')
      .where('subject', '==', `chats/${chatId}/messages/${system!.id}`)
      .get();
    expect(notified.size).toBe(0);
  });

  it('when someone edits, deletes or replies to a system message, then 412 / 400 and it is unchanged', async () => {
    const [owner, bob] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, []);
    await owner.api.post(`/chats/${chatId}/members`, { uid: bob.uid }).expect(201);
    const [system] = (await h.db.collection(`chats/${chatId}/messages`).get()).docs;
    const path = `/chats/${chatId}/messages/${system!.id}`;

    const edit = await owner.api.patch(path, { text: 'rewritten history' });
    expect(edit.status).toBe(412);
    expect(edit.body.error.code).toBe('failed-precondition');
    expect((await owner.api.delete(path)).status).toBe(412);
    const reply = await owner.api.post(`/chats/${chatId}/messages`, { text: 'hi', replyToId: system!.id });
    expect(reply.status).toBe(400);
    expect(fieldPaths(reply.body)).toEqual(['replyToId']);

    const after = (await h.db.doc(`chats/${chatId}/messages/${system!.id}`).get()).data();
    expect(after).toEqual(system!.data());
    expect((await h.db.collection(`chats/${chatId}/messages`).get()).size).toBe(1);
  });
});
