import { createHarness, type Harness } from './support';
import { deliverMessageCreated, eventually, fieldPaths, newGroup, newPerson, send } from './chat-support';

jest.setTimeout(60_000);

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

interface Wire {
  id: string;
  type: string;
  readAt: string | null;
}

/** A user with `count` message notifications from one chat. */
async function inboxWith(count: number) {
  const [me, other] = [await newPerson(h), await newPerson(h)];
  const chatId = await newGroup(other, [me], 'Inbox test');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const message = await send(other, chatId, `note ${i}`);
    await deliverMessageCreated(h, chatId, message.id);
    ids.push(`msg_${chatId}_${message.id}`);
  }
  // The Functions emulator runs the real triggers too: let its welcome and member-added notifications
  // land, so that no test counts the inbox while one of them is still on its way.
  const inbox = h.db.collection(`users/${me.uid}/notifications`);
  await eventually(
    () => inbox.get(),
    (snapshot) => snapshot.size >= count + 2,
    20_000,
    'the notifications of the messages sent, and the welcome and member-added ones',
  );
  return { me, other, chatId, ids };
}

const messageNotes = (list: Wire[]) => list.filter((n) => n.type === 'message');

describe('GET /notifications', () => {
  it('when a user pages through the inbox, then each notification comes once, newest first', async () => {
    const { me, ids } = await inboxWith(5);
    const seen: Wire[] = [];
    let cursor: string | null = null;
    do {
      const res = await me.api.get('/notifications', { limit: 2, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      seen.push(...res.body.notifications);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(messageNotes(seen).map((n) => n.id)).toEqual([...ids].reverse());
    expect(messageNotes(seen)[0]).toMatchObject({
      title: expect.stringContaining('Inbox test'),
      body: 'note 4',
      readAt: null,
    });
    expect(new Set(seen.map((n) => n.id)).size).toBe(seen.length);
  });

  it('when unread=true, then only unread notifications come', async () => {
    const { me, ids } = await inboxWith(3);
    await me.api.post(`/notifications/${ids[1]}/read`).expect(200);
    const res = await me.api.get('/notifications', { unread: 'true' });
    const listed = res.body.notifications.map((n: Wire) => n.id);
    expect(listed).toEqual(expect.arrayContaining([ids[0], ids[2]]));
    expect(listed).not.toContain(ids[1]);
  });

  it('when the query is wrong, then 400 names the field', async () => {
    const me = await newPerson(h);
    for (const [query, path] of [
      [{ unread: 'yes' }, 'unread'],
      [{ limit: 1000 }, 'limit'],
      [{ cursor: '%%%' }, 'cursor'],
      [{ uid: 'someone' }, 'uid'],
    ] as const) {
      const res = await me.api.get('/notifications', query);
      expect(res.status).toBe(400);
      expect(fieldPaths(res.body)).toEqual([path]);
    }
  });
});

describe('POST /notifications/:id/read and /notifications/read-all', () => {
  it('when one is marked read twice, then readAt is set once and kept', async () => {
    const { me, ids } = await inboxWith(1);
    const first = await me.api.post(`/notifications/${ids[0]}/read`);
    expect(first.status).toBe(200);
    expect(first.body.readAt).toEqual(expect.any(String));
    const again = await me.api.post(`/notifications/${ids[0]}/read`);
    expect(again.body.readAt).toBe(first.body.readAt);
  });

  it('when someone else’s notification id is used, then 404 and theirs is untouched', async () => {
    const { me, ids } = await inboxWith(1);
    const intruder = await newPerson(h);
    expect((await intruder.api.post(`/notifications/${ids[0]}/read`)).status).toBe(404);
    expect((await h.db.doc(`users/${me.uid}/notifications/${ids[0]}`).get()).get('readAt')).toBeNull();
    expect((await intruder.api.post('/notifications/bad%2Fid/read')).status).toBe(400);
  });

  it('when all are marked read, then none is left unread and the count says how many changed', async () => {
    const { me } = await inboxWith(3);
    const unreadBefore = (
      await h.db.collection(`users/${me.uid}/notifications`).where('readAt', '==', null).get()
    ).size;
    const res = await me.api.post('/notifications/read-all');
    expect(res.status).toBe(200);
    expect(res.body.updated).toBe(unreadBefore);
    expect((await me.api.get('/notifications', { unread: 'true' })).body.notifications).toEqual([]);
    expect((await me.api.post('/notifications/read-all')).body.updated).toBe(0);
  });
});
