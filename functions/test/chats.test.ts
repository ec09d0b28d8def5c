import { directChatId } from '@chat/core';
import { createHarness, type Harness } from './support';
import { deliverMessageCreated, eventually, fieldPaths, newGroup, newPerson, send } from './chat-support';

jest.setTimeout(60_000);

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

describe('POST /chats (direct)', () => {
  it('when a user opens a direct chat, then it is created once, with a deterministic id, for both users', async () => {
    const [ada, bob] = [await newPerson(h), await newPerson(h)];
    const first = await ada.api.post('/chats', { type: 'direct', memberId: bob.uid });
    expect(first.status).toBe(201);
    expect(first.headers.location).toBe(`/chats/${first.body.id}`);
    expect(first.body).toMatchObject({
      id: directChatId(ada.uid, bob.uid),
      type: 'direct',
      title: null,
      createdBy: ada.uid,
      lastMessage: null,
      membership: { uid: ada.uid, role: 'owner', unreadCount: 0, muted: false, lastReadMessageId: null },
    });
    expect([...first.body.memberIds].sort()).toEqual([ada.uid, bob.uid].sort());

    const again = await ada.api.post('/chats', { type: 'direct', memberId: bob.uid });
    const fromBob = await bob.api.post('/chats', { type: 'direct', memberId: ada.uid });
    expect(again.status).toBe(200);
    expect(fromBob.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(fromBob.body).toMatchObject({ id: first.body.id, membership: { uid: bob.uid } });
  });

  it('when both users open it at the same moment, then there is still one chat', async () => {
    const [ada, bob] = [await newPerson(h), await newPerson(h)];
    const answers = await Promise.all([
      ada.api.post('/chats', { type: 'direct', memberId: bob.uid }),
      bob.api.post('/chats', { type: 'direct', memberId: ada.uid }),
      ada.api.post('/chats', { type: 'direct', memberId: bob.uid }),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((res) => res.body.id)).size).toBe(1);
    const members = await h.db.collection(`chats/${answers[0]?.body.id}/members`).get();
    expect(members.size).toBe(2);
  });

  it('when the other user has no profile, or is the caller, then 400 names memberId', async () => {
    const ada = await newPerson(h);
    const ghost = await ada.api.post('/chats', { type: 'direct', memberId: 'nobody-at-all' });
    expect(ghost.status).toBe(400);
    expect(fieldPaths(ghost.body)).toEqual(['memberId']);
    const self = await ada.api.post('/chats', { type: 'direct', memberId: ada.uid });
    expect(self.status).toBe(400);
    expect(fieldPaths(self.body)).toEqual(['memberId']);
  });
});

describe('POST /chats (group)', () => {
  it('when a user creates a group, then they own it and the others are members', async () => {
    const [owner, a, b] = [await newPerson(h), await newPerson(h), await newPerson(h)];
    const res = await owner.api.post('/chats', {
      type: 'group',
      title: '  Book club ',
      memberIds: [a.uid, b.uid, a.uid, owner.uid],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'group', title: 'Book club', createdBy: owner.uid });
    expect([...res.body.memberIds].sort()).toEqual([owner.uid, a.uid, b.uid].sort());
    const roles = await owner.api.get(`/chats/${res.body.id}/members`);
    expect(
      Object.fromEntries(roles.body.members.map((m: { uid: string; role: string }) => [m.uid, m.role])),
    ).toEqual({
      [owner.uid]: 'owner',
      [a.uid]: 'member',
      [b.uid]: 'member',
    });
  });

  it('when the body is wrong, then 400 names each bad field and nothing is created', async () => {
    const owner = await newPerson(h);
    const before = (await h.db.collection('chats').where('createdBy', '==', owner.uid).get()).size;
    const cases: [object, string[]][] = [
      [{ type: 'group', title: '', memberIds: [] }, ['title']],
      [{ type: 'group', title: 'x'.repeat(121) }, ['title']],
      [{ type: 'group', title: 'ok', memberIds: 'abc' }, ['memberIds']],
      [{ type: 'group', title: 'ok', memberIds: ['no-such-user'] }, ['memberIds.0']],
      [{ type: 'group', title: 'ok', createdBy: 'victim' }, ['createdBy']],
      [{ type: 'channel', title: 'ok' }, ['type']],
      [{ type: 'direct' }, ['memberId']],
      [
        { type: 'group', title: 'ok', memberIds: Array.from({ length: 101 }, (_, i) => `u${i}`) },
        ['memberIds'],
      ],
    ];
    for (const [body, paths] of cases) {
      const res = await owner.api.post('/chats', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid-argument');
      expect(fieldPaths(res.body)).toEqual(paths);
    }
    expect((await h.db.collection('chats').where('createdBy', '==', owner.uid).get()).size).toBe(before);
  });
});

describe('GET /chats and /chats/:chatId', () => {
  it('when a user pages through their chats, then each comes once, most recent activity first', async () => {
    const [me, other] = [await newPerson(h), await newPerson(h)];
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await newGroup(me, [other], `Group ${i}`));
    const notMine = await newGroup(other, [], 'Not mine');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await me.api.get('/chats', { limit: 2, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      expect(res.body.chats.length).toBeLessThanOrEqual(2);
      for (const chat of res.body.chats) expect(chat.membership.uid).toBe(me.uid);
      seen.push(...res.body.chats.map((chat: { id: string }) => chat.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect(seen).not.toContain(notMine);
  });

  it('when a message arrives in an older chat, then that chat moves to the top', async () => {
    const [me, other] = [await newPerson(h), await newPerson(h)];
    const older = await newGroup(me, [other], 'Older');
    const newer = await newGroup(me, [other], 'Newer');
    const bump = await send(other, older, 'bump');
    await deliverMessageCreated(h, older, bump.id);
    const order = (await me.api.get('/chats')).body.chats.map((chat: { id: string }) => chat.id);
    expect(order.slice(0, 2)).toEqual([older, newer]);
  });

  it('when the cursor or limit is bad, then 400 names the query field', async () => {
    const me = await newPerson(h);
    for (const [query, path] of [
      [{ cursor: 'not-a-cursor' }, 'cursor'],
      [{ cursor: Buffer.from('[1,2]').toString('base64url') }, 'cursor'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 101 }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
      [{ sort: 'title' }, 'sort'],
    ] as const) {
      const res = await me.api.get('/chats', query);
      expect(res.status).toBe(400);
      expect(fieldPaths(res.body)).toEqual([path]);
      expect(res.body.error.message).toMatch(new RegExp(`^Invalid query\\.${path}`));
    }
  });

  it('when a non-member asks for a chat, then 404 exactly as for a chat that does not exist', async () => {
    const [owner, stranger] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, []);
    const hidden = await stranger.api.get(`/chats/${chatId}`);
    const missing = await stranger.api.get('/chats/doesNotExist123');
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.error.message).toBe(`No chat ${chatId}.`);
    expect(missing.body.error.message).toBe('No chat doesNotExist123.');
  });

  it('when an app admin looks at any chat, then they see it without a membership', async () => {
    const [owner, admin] = [await newPerson(h), await newPerson(h, { admin: true })];
    const chatId = await newGroup(owner, []);
    const res = await admin.api.get(`/chats/${chatId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: chatId, membership: null });
  });

  it('when the chat id is malformed, then 400 names the path parameter', async () => {
    const me = await newPerson(h);
    const res = await me.api.get(`/chats/${encodeURIComponent('bad id!')}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Invalid path\.chatId/);
  });
});

describe('PATCH /chats/:chatId', () => {
  it('when an owner or admin renames a group, then the title and updatedAt change', async () => {
    const [owner, admin] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [admin], 'Before');
    await owner.api.patch(`/chats/${chatId}/members/${admin.uid}`, { role: 'admin' }).expect(200);
    const before = (await owner.api.get(`/chats/${chatId}`)).body;

    const res = await admin.api.patch(`/chats/${chatId}`, { title: 'After' });
    expect(res.status).toBe(200);
    expect(res.body.title).toBe('After');
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect(res.body.lastActivityAt).toBe(before.lastActivityAt);
  });

  it('when a plain member renames, then 403; a non-member, 404; a direct chat, 412', async () => {
    const [owner, member, stranger] = [await newPerson(h), await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [member], 'Same');
    expect((await member.api.patch(`/chats/${chatId}`, { title: 'Mine' })).status).toBe(403);
    expect((await stranger.api.patch(`/chats/${chatId}`, { title: 'Mine' })).status).toBe(404);
    const direct = (await owner.api.post('/chats', { type: 'direct', memberId: member.uid })).body.id;
    const res = await owner.api.patch(`/chats/${direct}`, { title: 'Named' });
    expect(res.status).toBe(412);
    expect(res.body.error.code).toBe('failed-precondition');
    expect((await h.db.doc(`chats/${chatId}`).get()).get('title')).toBe('Same');
  });

  it('when the body is wrong, then 400 names the fields', async () => {
    const owner = await newPerson(h);
    const chatId = await newGroup(owner, []);
    const res = await owner.api.patch(`/chats/${chatId}`, { title: ' ', type: 'direct' });
    expect(res.status).toBe(400);
    expect(fieldPaths(res.body).sort()).toEqual(['title', 'type']);
  });
});

describe('DELETE /chats/:chatId', () => {
  it('when the owner deletes a group, then it is gone for everyone at once, and its history and members go in the background', async () => {
    const [owner, member] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [member]);
    await send(member, chatId, 'soon gone');
    const res = await owner.api.delete(`/chats/${chatId}`);
    expect(res.status).toBe(204);
    expect((await h.db.doc(`chats/${chatId}`).get()).exists).toBe(false);
    expect((await member.api.get(`/chats/${chatId}`)).status).toBe(404);
    expect((await member.api.get(`/chats/${chatId}/messages`)).status).toBe(404);
    expect((await member.api.post(`/chats/${chatId}/messages`, { text: 'late' })).status).toBe(404);
    const list = await member.api.get('/chats');
    expect(list.body.chats.map((chat: { id: string }) => chat.id)).not.toContain(chatId);

    // The chatDeletionRequested trigger, run by the Functions emulator, finishes the job.
    const left = () =>
      Promise.all([
        h.db.collection(`chats/${chatId}/messages`).get(),
        h.db.collection(`chats/${chatId}/members`).get(),
        h.db.doc(`chatDeletions/${chatId}`).get(),
      ]);
    // Generous: on a loaded machine the emulator can take a while to start a function runtime.
    const [messages, members, job] = await eventually(
      left,
      ([m, n, j]) => m.empty && n.empty && !j.exists,
      90_000,
    );
    expect([messages.size, members.size, job.exists]).toEqual([0, 0, false]);
  }, 150_000);

  it('when a member or an admin of the group deletes it, then 403; an app admin is sent to the audited admin route', async () => {
    const [owner, member, appAdmin] = [
      await newPerson(h),
      await newPerson(h),
      await newPerson(h, { admin: true }),
    ];
    const chatId = await newGroup(owner, [member]);
    expect((await member.api.delete(`/chats/${chatId}`)).status).toBe(403);
    await owner.api.patch(`/chats/${chatId}/members/${member.uid}`, { role: 'admin' }).expect(200);
    expect((await member.api.delete(`/chats/${chatId}`)).status).toBe(403);
    const byAppAdmin = await appAdmin.api.delete(`/chats/${chatId}`);
    expect(byAppAdmin.status).toBe(403);
    expect(byAppAdmin.body.error.message).toContain(`/admin/chats/${chatId}`);
    expect((await h.db.doc(`chats/${chatId}`).get()).exists).toBe(true);
    expect((await h.db.doc(`chatDeletions/${chatId}`).get()).exists).toBe(false);
  });

  it('when a stranger deletes, then 404 and nothing changes', async () => {
    const [owner, stranger] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, []);
    expect((await stranger.api.delete(`/chats/${chatId}`)).status).toBe(404);
    expect((await h.db.doc(`chats/${chatId}`).get()).exists).toBe(true);
  });

  it('when one side deletes a direct chat, then it is hidden for them only, until a new message brings it back with only the new history', async () => {
    const [ada, bob] = [await newPerson(h), await newPerson(h)];
    const chatId = (await ada.api.post('/chats', { type: 'direct', memberId: bob.uid })).body.id as string;
    await send(bob, chatId, 'old one');
    await send(ada, chatId, 'old two');
    const texts = async (person: typeof ada) =>
      (await person.api.get(`/chats/${chatId}/messages`)).body.messages.map((m: { text: string }) => m.text);
    const listed = async (person: typeof ada) =>
      (await person.api.get('/chats')).body.chats.map((chat: { id: string }) => chat.id) as string[];

    expect((await ada.api.delete(`/chats/${chatId}`)).status).toBe(204);
    expect(await texts(ada)).toEqual([]);
    expect(await texts(bob)).toEqual(['old one', 'old two']);
    expect(await listed(ada)).not.toContain(chatId);
    expect(await listed(bob)).toContain(chatId);
    expect((await h.db.doc(`chats/${chatId}`).get()).exists).toBe(true);

    await send(bob, chatId, 'new');
    // The message trigger moves the chat's activity forward, which brings it back to ada's list.
    expect(
      await eventually(
        () => listed(ada),
        (ids) => ids.includes(chatId),
        90_000,
      ),
    ).toContain(chatId);
    expect(await texts(ada)).toEqual(['new']);
    expect(await texts(bob)).toEqual(['old one', 'old two', 'new']);
  }, 150_000);
});

describe('without a token', () => {
  it('when any chat route is called without a token, then 401', async () => {
    const request = (await import('supertest')).default;
    for (const [method, path] of [
      ['get', '/chats'],
      ['post', '/chats'],
      ['get', '/chats/abc'],
      ['get', '/chats/abc/messages'],
      ['post', '/chats/abc/read'],
      ['get', '/unread-counts'],
      ['get', '/notifications'],
    ] as const) {
      const res = await request(h.app)[method](path);
      expect(res.status).toBe(401);
    }
  });
});
