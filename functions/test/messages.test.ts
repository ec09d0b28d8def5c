import { createServices, decodeCursor, idempotentMessageId } from '@chat/core';
import { createHarness, type Harness } from './support';
import { deliverMessageCreated, fieldPaths, newGroup, newPerson, send, type Person } from './chat-support';

jest.setTimeout(60_000);

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

interface Wire {
  id: string;
  text: string;
  cursor: string;
}

async function trio(): Promise<{ owner: Person; member: Person; stranger: Person; chatId: string }> {
  const [owner, member, stranger] = [await newPerson(h), await newPerson(h), await newPerson(h)];
  return { owner, member, stranger, chatId: await newGroup(owner, [member]) };
}

describe('POST /chats/:chatId/messages', () => {
  it('when a member sends, then 201 with the stored message, the sender taken from the token', async () => {
    const { member, chatId } = await trio();
    const res = await member.api.post(`/chats/${chatId}/messages`, { text: '  Hello there  ' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/chats/${chatId}/messages/${res.body.id}`);
    expect(res.body).toMatchObject({
      chatId,
      senderId: member.uid,
      text: 'Hello there',
      editedAt: null,
      deletedAt: null,
      replyToId: null,
      clientMessageId: null,
    });
    const stored = await h.db.doc(`chats/${chatId}/messages/${res.body.id}`).get();
    expect(stored.get('createdAt').toDate().toISOString()).toBe(res.body.createdAt);
  });

  it('when a reply names a message of the chat, then it is kept; a message elsewhere is refused', async () => {
    const { owner, member, chatId } = await trio();
    const first = await send(owner, chatId, 'question?');
    const reply = await member.api.post(`/chats/${chatId}/messages`, { text: 'answer', replyToId: first.id });
    expect(reply.status).toBe(201);
    expect(reply.body.replyToId).toBe(first.id);
    const elsewhere = await member.api.post(`/chats/${chatId}/messages`, { text: 'x', replyToId: 'nope' });
    expect(elsewhere.status).toBe(400);
    expect(fieldPaths(elsewhere.body)).toEqual(['replyToId']);
  });

  it('when the same Idempotency-Key is sent twice, then one message exists and the retry returns it with 200', async () => {
    const { member, chatId } = await trio();
    const headers = { 'Idempotency-Key': 'retry-key-0001' };
    const first = await member.api.post(`/chats/${chatId}/messages`, { text: 'once' }, headers);
    const retry = await member.api.post(`/chats/${chatId}/messages`, { text: 'once' }, headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(first.body.id).toBe(idempotentMessageId(chatId, member.uid, 'retry-key-0001'));
    expect((await h.db.collection(`chats/${chatId}/messages`).get()).size).toBe(1);
  });

  it('when retries with one clientMessageId race, then exactly one message is stored', async () => {
    const { member, chatId } = await trio();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        member.api.post(`/chats/${chatId}/messages`, { text: 'race', clientMessageId: 'c-123' }),
      ),
    );
    expect(answers.map((res) => res.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((res) => res.body.id)).size).toBe(1);
    expect((await h.db.collection(`chats/${chatId}/messages`).get()).size).toBe(1);
  });

  it('when two users use the same key, then each gets their own message', async () => {
    const { owner, member, chatId } = await trio();
    const a = await owner.api.post(`/chats/${chatId}/messages`, { text: 'a', clientMessageId: 'same' });
    const b = await member.api.post(`/chats/${chatId}/messages`, { text: 'b', clientMessageId: 'same' });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('when the header and clientMessageId disagree, then 400 names clientMessageId', async () => {
    const { member, chatId } = await trio();
    const res = await member.api.post(
      `/chats/${chatId}/messages`,
      { text: 'x', clientMessageId: 'one' },
      { 'Idempotency-Key': 'two' },
    );
    expect(res.status).toBe(400);
    expect(fieldPaths(res.body)).toEqual(['clientMessageId']);
  });

  it('when 20 messages are sent at once, then all 20 are stored and counted as unread for the other member', async () => {
    const { owner, member, chatId } = await trio();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => owner.api.post(`/chats/${chatId}/messages`, { text: `m${i}` })),
    );
    expect(answers.every((res) => res.status === 201)).toBe(true);
    const ids = answers.map((res) => res.body.id as string);
    expect(new Set(ids).size).toBe(20);
    // Every event delivered here at once (and by the Functions emulator too): contention on one member doc.
    await Promise.all(ids.map((id) => deliverMessageCreated(h, chatId, id)));

    const stored = await h.db.collection(`chats/${chatId}/messages`).get();
    expect(stored.size).toBe(20);
    const them = (await member.api.get(`/chats/${chatId}`)).body.membership;
    expect(them.unreadCount).toBe(20);
    expect((await owner.api.get(`/chats/${chatId}`)).body.membership.unreadCount).toBe(0);
    const inbox = await h.db
      .collection(`users/${member.uid}/notifications`)
      .where('type', '==', 'message')
      .get();
    expect(inbox.size).toBe(20);
  });

  it('when the body is wrong, then 400 names each field and nothing is stored', async () => {
    const { member, chatId } = await trio();
    const cases: [object, string[], Record<string, string>?][] = [
      [{ text: '' }, ['text']],
      [{ text: '   ' }, ['text']],
      [{ text: 'x'.repeat(4001) }, ['text']],
      [{ text: 42 }, ['text']],
      [{}, ['text']],
      [{ text: 'ok', senderId: 'someone-else' }, ['senderId']],
      [{ text: 'ok', createdAt: '2020-01-01T00:00:00Z' }, ['createdAt']],
      [{ text: 'ok', replyToId: 'bad/id' }, ['replyToId']],
      [{ text: 'ok', clientMessageId: 'has space' }, ['clientMessageId']],
      [{ text: 'ok' }, ['Idempotency-Key'], { 'Idempotency-Key': 'x'.repeat(129) }],
    ];
    for (const [body, paths, headers] of cases) {
      const res = await member.api.post(`/chats/${chatId}/messages`, body, headers);
      expect(res.status).toBe(400);
      expect(fieldPaths(res.body)).toEqual(paths);
    }
    expect((await h.db.collection(`chats/${chatId}/messages`).get()).size).toBe(0);
  });

  it('when the text is exactly 4000 characters after trimming, then it is accepted', async () => {
    const { member, chatId } = await trio();
    const res = await member.api.post(`/chats/${chatId}/messages`, { text: ` ${'y'.repeat(4000)} ` });
    expect(res.status).toBe(201);
    expect(res.body.text).toHaveLength(4000);
  });

  it('when a non-member or a removed member sends, then 404 and nothing is stored', async () => {
    const { owner, member, stranger, chatId } = await trio();
    expect((await stranger.api.post(`/chats/${chatId}/messages`, { text: 'hi' })).status).toBe(404);
    await owner.api.delete(`/chats/${chatId}/members/${member.uid}`).expect(204);
    expect((await member.api.post(`/chats/${chatId}/messages`, { text: 'hi' })).status).toBe(404);
    expect((await member.api.get(`/chats/${chatId}/messages`)).status).toBe(404);
    // The one message stored is the system message of the removal.
    const stored = (await h.db.collection(`chats/${chatId}/messages`).get()).docs.map((d) => d.data());
    expect(stored).toEqual([
      expect.objectContaining({ type: 'system', system: { event: 'member-removed', uid: member.uid } }),
    ]);
  });
  it('when a member is removed while sending, then every message stored was committed while they were a member', async () => {
    // Through core's services in-process: the Functions emulator runs one request at a time, so through
    // HTTP the removal and the sends never overlap. The services are what every adapter (REST, sockets) runs.
    const services = createServices(h.db, h.auth);
    const as = (p: Person) => ({ uid: p.uid, email: null, admin: false });
    for (let round = 0; round < 10; round += 1) {
      const [owner, bob] = [await newPerson(h), await newPerson(h)];
      const chatId = await newGroup(owner, [bob]);
      // Five senders keep sending until refused, so the removal commits while some send is under way.
      const refused: unknown[] = [];
      let stored = 0;
      const sender = async (lane: number) => {
        for (let i = 0; i < 10; i += 1) {
          try {
            await services.messages.send(as(bob), chatId, { text: `r${round} l${lane} m${i}` });
            stored += 1;
          } catch (error) {
            refused.push(error);
            return;
          }
        }
      };
      const senders = Promise.all(Array.from({ length: 5 }, (_, lane) => sender(lane)));
      await new Promise((resolve) => setTimeout(resolve, 5 * round));
      await services.members.remove(as(owner), chatId, bob.uid);
      await senders;
      // A refused send answers as for any chat bob is not in.
      for (const error of refused) expect(error).toMatchObject({ code: 'not-found', status: 404 });
      const docs = (await h.db.collection(`chats/${chatId}/messages`).get()).docs;
      const removed = docs.find((d) => d.get('system.event') === 'member-removed');
      expect(removed).toBeDefined();
      // createTime is the commit time: no message of bob's may commit after his removal did.
      const late = docs
        .filter((d) => d.get('type') === 'text' && d.get('senderId') === bob.uid)
        .filter((d) => d.createTime.toMillis() >= removed!.createTime.toMillis())
        .map((d) => d.get('text') as string);
      expect(late).toEqual([]);
      expect(docs.filter((d) => d.get('type') === 'text')).toHaveLength(stored);
    }
  }, 240_000);
});

describe('GET /chats/:chatId/messages', () => {
  async function chatWith(count: number) {
    const t = await trio();
    const sent: Wire[] = [];
    for (let i = 0; i < count; i++)
      sent.push((await send(i % 2 ? t.owner : t.member, t.chatId, `#${i}`)) as Wire);
    return { ...t, sent };
  }

  it('when no cursor is given, then the latest page comes oldest first, with a cursor to older ones', async () => {
    const { member, chatId, sent } = await chatWith(5);
    const res = await member.api.get(`/chats/${chatId}/messages`, { limit: 3 });
    expect(res.status).toBe(200);
    expect(res.body.messages.map((m: Wire) => m.text)).toEqual(['#2', '#3', '#4']);
    expect(res.body.hasNewer).toBe(false);
    expect(res.body.newerCursor).toBe(sent[4]?.cursor);
    const older = await member.api.get(`/chats/${chatId}/messages`, {
      limit: 3,
      before: res.body.olderCursor,
    });
    expect(older.body.messages.map((m: Wire) => m.text)).toEqual(['#0', '#1']);
    expect(older.body.olderCursor).toBeNull();
    expect(older.body.hasNewer).toBe(true);
  });

  it('when paging backwards and forwards while messages arrive, then nothing is missed or repeated', async () => {
    const { owner, member, chatId, sent } = await chatWith(7);
    // Backwards from the newest: every old message once.
    const backwards: string[] = [];
    let before: string | null = null;
    let newest: string | null = null;
    do {
      const res = await member.api.get(`/chats/${chatId}/messages`, {
        limit: 2,
        ...(before ? { before } : {}),
      });
      backwards.unshift(...res.body.messages.map((m: Wire) => m.id));
      newest ??= res.body.newerCursor;
      before = res.body.olderCursor;
      await send(owner, chatId, `arrived while paging back ${backwards.length}`); // must not disturb this walk
    } while (before);
    expect(backwards).toEqual(sent.map((m) => m.id));

    // Forwards from where we started: exactly the messages that arrived meanwhile, and then new ones.
    const forwards: string[] = [];
    let after = newest as string;
    for (let round = 0; round < 10; round++) {
      if (round === 2) await send(member, chatId, 'late arrival');
      const res = await member.api.get(`/chats/${chatId}/messages`, { limit: 2, after });
      forwards.push(...res.body.messages.map((m: Wire) => m.id));
      after = res.body.newerCursor;
      if (!res.body.hasNewer && round > 2) break;
    }
    const all = (await h.db.collection(`chats/${chatId}/messages`).orderBy('createdAt').get()).docs.map(
      (d) => d.id,
    );
    expect([...backwards, ...forwards]).toEqual(all);
    expect(new Set(forwards).size).toBe(forwards.length);
  });

  it('when a cursor is forged, both cursors are sent, or the limit is out of range, then 400 names the field', async () => {
    const { member, chatId, sent } = await chatWith(1);
    const cursor = sent[0]?.cursor as string;
    for (const [query, path] of [
      [{ before: 'garbage!' }, 'before'],
      [{ after: Buffer.from('{"a":1}').toString('base64url') }, 'after'],
      [{ before: cursor, after: cursor }, 'after'],
      [{ limit: 500 }, 'limit'],
      [{ limit: -1 }, 'limit'],
      [{ order: 'desc' }, 'order'],
    ] as const) {
      const res = await member.api.get(`/chats/${chatId}/messages`, query);
      expect(res.status).toBe(400);
      expect(fieldPaths(res.body)).toEqual([path]);
    }
  });

  it('when a stranger lists, then 404; an app admin may read', async () => {
    const { stranger, chatId } = await chatWith(1);
    expect((await stranger.api.get(`/chats/${chatId}/messages`)).status).toBe(404);
    const admin = await newPerson(h, { admin: true });
    const res = await admin.api.get(`/chats/${chatId}/messages`);
    expect(res.status).toBe(200);
    expect(res.body.messages).toHaveLength(1);
  });

  it('when one message is fetched, then members get it and strangers get 404', async () => {
    const { member, stranger, chatId, sent } = await chatWith(1);
    const id = sent[0]?.id as string;
    expect((await member.api.get(`/chats/${chatId}/messages/${id}`)).body.text).toBe('#0');
    expect((await stranger.api.get(`/chats/${chatId}/messages/${id}`)).status).toBe(404);
    expect((await member.api.get(`/chats/${chatId}/messages/missing`)).status).toBe(404);
  });
});

describe('PATCH /chats/:chatId/messages/:messageId', () => {
  it('when the sender edits, then the text changes, editedAt is set, and the chat preview follows', async () => {
    const { owner, member, chatId } = await trio();
    const sent = await send(member, chatId, 'typo');
    await deliverMessageCreated(h, chatId, sent.id);
    const res = await member.api.patch(`/chats/${chatId}/messages/${sent.id}`, { text: 'fixed' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: sent.id, text: 'fixed', deletedAt: null });
    expect(res.body.editedAt).not.toBeNull();
    expect((await owner.api.get(`/chats/${chatId}`)).body.lastMessage).toMatchObject({
      id: sent.id,
      text: 'fixed',
    });
  });

  it('when someone else edits, then 403 (even the owner); a stranger gets 404; nothing changes', async () => {
    const { owner, member, stranger, chatId } = await trio();
    const sent = await send(member, chatId, 'mine');
    expect((await owner.api.patch(`/chats/${chatId}/messages/${sent.id}`, { text: 'yours' })).status).toBe(
      403,
    );
    expect((await stranger.api.patch(`/chats/${chatId}/messages/${sent.id}`, { text: 'x' })).status).toBe(
      404,
    );
    expect((await h.db.doc(`chats/${chatId}/messages/${sent.id}`).get()).get('text')).toBe('mine');
  });

  it('when the edit is invalid or the message deleted, then 400 / 412', async () => {
    const { member, chatId } = await trio();
    const sent = await send(member, chatId, 'x');
    const bad = await member.api.patch(`/chats/${chatId}/messages/${sent.id}`, { text: '', senderId: 'x' });
    expect(bad.status).toBe(400);
    expect(fieldPaths(bad.body).sort()).toEqual(['senderId', 'text']);
    await member.api.delete(`/chats/${chatId}/messages/${sent.id}`).expect(204);
    const late = await member.api.patch(`/chats/${chatId}/messages/${sent.id}`, { text: 'back' });
    expect(late.status).toBe(412);
  });
});

describe('DELETE /chats/:chatId/messages/:messageId', () => {
  it('when the sender deletes, then a tombstone stays in place, and deleting again changes nothing', async () => {
    const { owner, member, chatId } = await trio();
    const before = await send(owner, chatId, 'before');
    const gone = await send(member, chatId, 'secret');
    await Promise.all([before, gone].map((m) => deliverMessageCreated(h, chatId, m.id)));
    expect((await member.api.delete(`/chats/${chatId}/messages/${gone.id}`)).status).toBe(204);
    expect((await member.api.delete(`/chats/${chatId}/messages/${gone.id}`)).status).toBe(204);

    const list = await owner.api.get(`/chats/${chatId}/messages`);
    expect(list.body.messages.map((m: Wire) => m.id)).toEqual([before.id, gone.id]);
    expect(list.body.messages[1]).toMatchObject({ text: '', deletedAt: expect.any(String) });
    expect((await owner.api.get(`/chats/${chatId}`)).body.lastMessage).toMatchObject({
      id: gone.id,
      text: '',
    });
  });

  it('when a chat admin deletes another member’s message, then a tombstone reads back; a plain member gets 403 and the message is unchanged', async () => {
    const [owner, admin, plain] = [await newPerson(h), await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [admin, plain]);
    await owner.api.patch(`/chats/${chatId}/members/${admin.uid}`, { role: 'admin' }).expect(200);
    const byOwner = await send(owner, chatId, 'from owner');
    const byPlain = await send(plain, chatId, 'from plain');
    expect((await plain.api.delete(`/chats/${chatId}/messages/${byOwner.id}`)).status).toBe(403);
    expect((await admin.api.delete(`/chats/${chatId}/messages/${byPlain.id}`)).status).toBe(204);
    const tombstone = await plain.api.get(`/chats/${chatId}/messages/${byPlain.id}`);
    expect(tombstone.status).toBe(200);
    expect(tombstone.body).toMatchObject({
      id: byPlain.id,
      senderId: plain.uid,
      text: '',
      deletedAt: expect.any(String),
    });
    const list = await owner.api.get(`/chats/${chatId}/messages`);
    expect(list.body.messages.map((m: Wire) => m.id)).toContain(byPlain.id);
    const untouched = await owner.api.get(`/chats/${chatId}/messages/${byOwner.id}`);
    expect(untouched.body).toMatchObject({ text: 'from owner', deletedAt: null });
  });

  it('when an app admin deletes in a chat they are not in, then it is allowed; a stranger gets 404', async () => {
    const { member, stranger, chatId } = await trio();
    const sent = await send(member, chatId, 'abuse');
    expect((await stranger.api.delete(`/chats/${chatId}/messages/${sent.id}`)).status).toBe(404);
    const admin = await newPerson(h, { admin: true });
    expect((await admin.api.delete(`/chats/${chatId}/messages/${sent.id}`)).status).toBe(204);
    const tombstone = await member.api.get(`/chats/${chatId}/messages/${sent.id}`);
    expect(tombstone.body).toMatchObject({ id: sent.id, text: '', deletedAt: expect.any(String) });
  });
});

describe("MessageService.listAfterMessage (the relay's missed-message recovery)", () => {
  it('when a client names the last message it holds, then it gets exactly the ones after it', async () => {
    const { owner, member, stranger, chatId } = await trio();
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) sent.push((await send(owner, chatId, `r${i}`)).id);
    const messages = createServices(h.db, h.auth).messages;
    const auth = { uid: member.uid, email: null, admin: false };

    const page = await messages.listAfterMessage(auth, chatId, sent[1]!, 2);
    expect(page.messages.map((m) => m.id)).toEqual(sent.slice(2, 4));
    expect(page.hasNewer).toBe(true);
    const rest = await messages.list(auth, chatId, {
      limit: 10,
      after: decodeCursor(page.newerCursor ?? '') ?? undefined,
    });
    expect(rest.messages.map((m) => m.id)).toEqual(sent.slice(4));

    await expect(messages.listAfterMessage(auth, chatId, 'missing', 2)).rejects.toMatchObject({
      status: 404,
    });
    const outsider = { uid: stranger.uid, email: null, admin: false };
    await expect(messages.listAfterMessage(outsider, chatId, sent[1]!, 2)).rejects.toMatchObject({
      status: 404,
    });
  });
});
