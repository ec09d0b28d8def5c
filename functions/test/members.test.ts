import { createHarness, type Harness } from './support';
import { fieldPaths, newGroup, newPerson } from './chat-support';

jest.setTimeout(60_000);

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

const memberIds = async (chatId: string) =>
  ((await h.db.doc(`chats/${chatId}`).get()).get('memberIds') as string[]).sort();

describe('POST /chats/:chatId/members', () => {
  it('when an owner adds a user, then they become a member in both the subcollection and memberIds', async () => {
    const [owner, newcomer] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, []);
    const res = await owner.api.post(`/chats/${chatId}/members`, { uid: newcomer.uid });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ uid: newcomer.uid, role: 'member', addedBy: owner.uid, unreadCount: 0 });
    expect(await memberIds(chatId)).toEqual([owner.uid, newcomer.uid].sort());
    expect((await newcomer.api.get(`/chats/${chatId}`)).status).toBe(200);
  });

  it('when a user is added twice, then 409; when they have no profile, then 400 names uid', async () => {
    const [owner, other] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [other]);
    expect((await owner.api.post(`/chats/${chatId}/members`, { uid: other.uid })).status).toBe(409);
    const ghost = await owner.api.post(`/chats/${chatId}/members`, { uid: 'ghost-user' });
    expect(ghost.status).toBe(400);
    expect(fieldPaths(ghost.body)).toEqual(['uid']);
  });

  it('when a plain member adds, then 403; an admin adds members but not admins; a stranger gets 404', async () => {
    const [owner, admin, plain, a, b, stranger] = await Promise.all(
      Array.from({ length: 6 }, () => newPerson(h)),
    );
    const chatId = await newGroup(owner!, [admin!, plain!]);
    await owner!.api.patch(`/chats/${chatId}/members/${admin!.uid}`, { role: 'admin' }).expect(200);
    expect((await plain!.api.post(`/chats/${chatId}/members`, { uid: a!.uid })).status).toBe(403);
    expect((await admin!.api.post(`/chats/${chatId}/members`, { uid: a!.uid, role: 'admin' })).status).toBe(
      403,
    );
    expect((await admin!.api.post(`/chats/${chatId}/members`, { uid: a!.uid })).status).toBe(201);
    expect((await stranger!.api.post(`/chats/${chatId}/members`, { uid: b!.uid })).status).toBe(404);
    expect((await owner!.api.post(`/chats/${chatId}/members`, { uid: b!.uid, role: 'admin' })).status).toBe(
      201,
    );
    expect(await memberIds(chatId)).toEqual([owner!, admin!, plain!, a!, b!].map((p) => p.uid).sort());
  });

  it('when the chat is direct, then its members are fixed (412)', async () => {
    const [ada, bob, carl] = [await newPerson(h), await newPerson(h), await newPerson(h)];
    const chatId = (await ada.api.post('/chats', { type: 'direct', memberId: bob.uid })).body.id;
    const res = await ada.api.post(`/chats/${chatId}/members`, { uid: carl.uid });
    expect(res.status).toBe(412);
    expect((await ada.api.post(`/chats/${chatId}/leave`)).status).toBe(412);
  });

  it('when the body is wrong, then 400 names the fields', async () => {
    const owner = await newPerson(h);
    const chatId = await newGroup(owner, []);
    const res = await owner.api.post(`/chats/${chatId}/members`, { uid: '', role: 'owner', extra: 1 });
    expect(res.status).toBe(400);
    expect([...new Set(fieldPaths(res.body))].sort()).toEqual(['extra', 'role', 'uid']);
  });
});

describe('DELETE /chats/:chatId/members/:uid and POST /chats/:chatId/leave', () => {
  it('when an owner removes a member, then the member loses access (404) at once', async () => {
    const [owner, member] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [member]);
    expect((await owner.api.delete(`/chats/${chatId}/members/${member.uid}`)).status).toBe(204);
    expect(await memberIds(chatId)).toEqual([owner.uid]);
    expect((await member.api.get(`/chats/${chatId}`)).status).toBe(404);
    expect((await member.api.get('/chats')).body.chats.map((c: { id: string }) => c.id)).not.toContain(
      chatId,
    );
    expect((await owner.api.delete(`/chats/${chatId}/members/${member.uid}`)).status).toBe(404);
  });

  it('when an admin removes an admin or the owner, or a member removes anyone, then 403', async () => {
    const [owner, a1, a2, plain] = await Promise.all(Array.from({ length: 4 }, () => newPerson(h)));
    const chatId = await newGroup(owner!, [a1!, a2!, plain!]);
    for (const admin of [a1!, a2!]) {
      await owner!.api.patch(`/chats/${chatId}/members/${admin.uid}`, { role: 'admin' }).expect(200);
    }
    expect((await a1!.api.delete(`/chats/${chatId}/members/${a2!.uid}`)).status).toBe(403);
    expect((await a1!.api.delete(`/chats/${chatId}/members/${owner!.uid}`)).status).toBe(403);
    expect((await plain!.api.delete(`/chats/${chatId}/members/${a1!.uid}`)).status).toBe(403);
    expect((await a1!.api.delete(`/chats/${chatId}/members/${plain!.uid}`)).status).toBe(204);
    expect(await memberIds(chatId)).toEqual([owner!, a1!, a2!].map((p) => p.uid).sort());
  });

  it('when a member leaves, then they are gone; the owner cannot leave before handing over', async () => {
    const [owner, member] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [member]);
    expect((await member.api.post(`/chats/${chatId}/leave`)).status).toBe(204);
    expect((await member.api.post(`/chats/${chatId}/leave`)).status).toBe(404);
    const stuck = await owner.api.post(`/chats/${chatId}/leave`);
    expect(stuck.status).toBe(412);
    expect(stuck.body.error.code).toBe('failed-precondition');
    expect(await memberIds(chatId)).toEqual([owner.uid]);
  });

  it('when a member deletes their own membership by uid, then it is the same as leaving', async () => {
    const [owner, member] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [member]);
    expect((await member.api.delete(`/chats/${chatId}/members/${member.uid}`)).status).toBe(204);
    expect(await memberIds(chatId)).toEqual([owner.uid]);
  });
});

describe('PATCH /chats/:chatId/members/:uid', () => {
  it('when the owner hands the chat over, then the new owner rules and the old one is an admin', async () => {
    const [owner, heir] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [heir]);
    const res = await owner.api.patch(`/chats/${chatId}/members/${heir.uid}`, { role: 'owner' });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('owner');
    expect((await owner.api.get(`/chats/${chatId}`)).body.membership.role).toBe('admin');
    expect((await owner.api.post(`/chats/${chatId}/leave`)).status).toBe(204);
  });

  it('when a non-owner changes a role, or the owner their own, then 403 / 412 and nothing changes', async () => {
    const [owner, admin, plain] = [await newPerson(h), await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [admin, plain]);
    await owner.api.patch(`/chats/${chatId}/members/${admin.uid}`, { role: 'admin' }).expect(200);
    expect((await admin.api.patch(`/chats/${chatId}/members/${plain.uid}`, { role: 'admin' })).status).toBe(
      403,
    );
    expect((await plain.api.patch(`/chats/${chatId}/members/${plain.uid}`, { role: 'owner' })).status).toBe(
      403,
    );
    expect((await owner.api.patch(`/chats/${chatId}/members/${owner.uid}`, { role: 'member' })).status).toBe(
      412,
    );
    expect((await h.db.doc(`chats/${chatId}/members/${plain.uid}`).get()).get('role')).toBe('member');
  });

  it('when a member mutes the chat, then only they can, for themselves', async () => {
    const [owner, member] = [await newPerson(h), await newPerson(h)];
    const chatId = await newGroup(owner, [member]);
    const res = await member.api.patch(`/chats/${chatId}/members/${member.uid}`, { muted: true });
    expect(res.status).toBe(200);
    expect(res.body.muted).toBe(true);
    expect((await owner.api.patch(`/chats/${chatId}/members/${member.uid}`, { muted: false })).status).toBe(
      403,
    );
  });

  it('when the body is empty or unknown, then 400', async () => {
    const owner = await newPerson(h);
    const chatId = await newGroup(owner, []);
    const empty = await owner.api.patch(`/chats/${chatId}/members/${owner.uid}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('Send role or muted');
    const unknown = await owner.api.patch(`/chats/${chatId}/members/${owner.uid}`, { unreadCount: 0 });
    expect(unknown.status).toBe(400);
    expect(fieldPaths(unknown.body)).toContain('unreadCount');
  });
});

describe('GET /chats/:chatId/members', () => {
  it('when a member pages through members, then each comes once in uid order; strangers get 404', async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => newPerson(h)));
    const [owner, ...rest] = people;
    const chatId = await newGroup(owner!, rest);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await rest[0]!.api.get(`/chats/${chatId}/members`, {
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      expect(res.status).toBe(200);
      seen.push(...res.body.members.map((m: { uid: string }) => m.uid));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(people.map((p) => p.uid).sort());
    const stranger = await newPerson(h);
    expect((await stranger.api.get(`/chats/${chatId}/members`)).status).toBe(404);
  });
});
