/**
 * Every admin action leaves exactly one audit record (found by the request id it ran under) with the actor,
 * the target and the touched fields; a refused or failed action leaves none and changes nothing.
 */
import request from 'supertest';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { auditRecordsOf, bearer, groupWithMessage, newRequestId, userWithProfile } from './admin-support';
import { createHarness, uniqueId, type Harness } from './support';
import { eventually } from './chat-support';

let h: Harness;
let admin: TestUser;
let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  h = createHarness();
  [admin, alice, bob] = await Promise.all([
    userWithProfile(h, uniqueId('admin'), { admin: true }),
    userWithProfile(h, uniqueId('alice')),
    userWithProfile(h, uniqueId('bob')),
  ]);
});
afterAll(() => h.close());
jest.setTimeout(60_000);

/** Sends one admin request under a fresh request id; returns the response and that id. */
async function act(method: 'post' | 'patch' | 'delete', path: string, body?: object, as: TestUser = admin) {
  const requestId = newRequestId();
  const agent = request(h.app);
  const res = await agent[method](path)
    .set(bearer(as.idToken))
    .set('X-Request-Id', requestId)
    .send(body ?? {});
  return { res, records: await auditRecordsOf(h, requestId), requestId };
}

describe('when an admin acts, then exactly one audit record names the actor, target and change', () => {
  it('editing a profile records the touched fields before and after', async () => {
    const { res, records, requestId } = await act('patch', `/admin/users/${bob.uid}`, {
      bio: 'Moderated bio',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ uid: bob.uid, bio: 'Moderated bio' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      actor: admin.uid,
      action: 'user.update-profile',
      target: { type: 'user', id: bob.uid },
      before: { bio: '' },
      after: { bio: 'Moderated bio' },
      requestId,
    });
  });

  it('granting and removing the admin claim changes Firebase Auth and records each', async () => {
    const granted = await act('post', `/admin/users/${alice.uid}/admin-claim`, { admin: true });
    expect(granted.res.status).toBe(200);
    expect(granted.res.body.admin).toBe(true);
    expect((await h.auth.getUser(alice.uid)).customClaims?.['admin']).toBe(true);
    expect(granted.records).toHaveLength(1);
    expect(granted.records[0]).toMatchObject({
      action: 'user.grant-admin',
      before: { admin: false },
      after: { admin: true },
    });

    const removed = await act('post', `/admin/users/${alice.uid}/admin-claim`, { admin: false });
    expect(removed.res.status).toBe(200);
    expect((await h.auth.getUser(alice.uid)).customClaims?.['admin']).toBeUndefined();
    expect(removed.records).toHaveLength(1);
    expect(removed.records[0]).toMatchObject({
      action: 'user.remove-admin',
      before: { admin: true },
      after: { admin: false },
    });
  });

  it('disabling and enabling an account changes Firebase Auth, writes the revocation record, and records each', async () => {
    const dan = await userWithProfile(h, uniqueId('dan'));
    const disabled = await act('post', `/admin/users/${dan.uid}/disable`, { disabled: true });
    expect(disabled.res.status).toBe(200);
    expect((await h.auth.getUser(dan.uid)).disabled).toBe(true);
    expect((await h.db.doc(`revocations/${dan.uid}`).get()).get('disabled')).toBe(true);
    expect((await h.db.doc(`users/${dan.uid}`).get()).get('disabled')).toBe(true);
    expect(disabled.records).toHaveLength(1);
    expect(disabled.records[0]).toMatchObject({
      action: 'user.disable',
      before: { disabled: false },
      after: { disabled: true },
    });
    // The disabled user's next REST call is refused.
    const refused = await request(h.app).get('/users/me').set(bearer(dan.idToken));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('user-disabled');

    const enabled = await act('post', `/admin/users/${dan.uid}/disable`, { disabled: false });
    expect(enabled.res.status).toBe(200);
    expect((await h.auth.getUser(dan.uid)).disabled).toBe(false);
    expect(enabled.records).toHaveLength(1);
    expect(enabled.records[0]).toMatchObject({ action: 'user.enable' });
  });

  it('revoking sessions writes the revocation record and one audit record', async () => {
    const erin = await userWithProfile(h, uniqueId('erin'));
    const { res, records } = await act('post', `/admin/users/${erin.uid}/revoke`);
    expect(res.status).toBe(200);
    expect((await h.db.doc(`revocations/${erin.uid}`).get()).get('tokensValidAfter')).not.toBeNull();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: 'user.revoke-sessions',
      target: { type: 'user', id: erin.uid },
    });
  });

  it('moderating a message leaves a tombstone marked moderated', async () => {
    const { chatId, messageId } = await groupWithMessage(h, alice, [bob]);
    const { res, records } = await act('delete', `/admin/chats/${chatId}/messages/${messageId}`);
    expect(res.status).toBe(204);
    const seen = await request(h.app).get(`/chats/${chatId}/messages/${messageId}`).set(bearer(bob.idToken));
    expect(seen.body).toMatchObject({ text: '', moderated: true });
    expect(seen.body.deletedAt).not.toBeNull();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: 'message.moderate',
      target: { type: 'message', id: `${chatId}/${messageId}` },
      before: { text: 'Something to moderate', senderId: alice.uid },
      after: { text: '', moderated: true },
    });
  });

  it('removing a member takes them out of the group', async () => {
    const { chatId } = await groupWithMessage(h, alice, [bob]);
    const { res, records } = await act('delete', `/admin/chats/${chatId}/members/${bob.uid}`);
    expect(res.status).toBe(204);
    expect((await h.db.doc(`chats/${chatId}/members/${bob.uid}`).get()).exists).toBe(false);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: 'chat.remove-member',
      before: { member: bob.uid, role: 'member' },
    });
  });

  it('deleting a chat removes it at once, and its history in the background', async () => {
    const { chatId } = await groupWithMessage(h, alice, [bob], 'Doomed');
    const { res, records } = await act('delete', `/admin/chats/${chatId}`);
    expect(res.status).toBe(204);
    expect((await h.db.doc(`chats/${chatId}`).get()).exists).toBe(false);
    // The chatDeletionRequested trigger, run by the Functions emulator, deletes the history.
    const history = await eventually(
      () => h.db.collection(`chats/${chatId}/messages`).limit(1).get(),
      (page) => page.empty,
      90_000,
    );
    expect(history.empty).toBe(true);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ action: 'chat.delete', before: { title: 'Doomed' }, after: null });
  }, 150_000);

  it('an announcement is stored for the trigger, and recorded', async () => {
    const { res, records } = await act('post', '/admin/announcements', {
      title: 'Hi',
      body: 'Maintenance',
      to: bob.uid,
    });
    expect(res.status).toBe(202);
    expect((await h.db.doc(`announcements/${res.body.id}`).get()).get('to')).toBe(bob.uid);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      action: 'announcement.send',
      target: { type: 'announcement', id: res.body.id },
    });
  });
});

describe('when an admin action fails, then it leaves no audit record and changes nothing', () => {
  it('an admin cannot remove their own admin claim: 412, and they stay admin', async () => {
    const { res, records } = await act('post', `/admin/users/${admin.uid}/admin-claim`, { admin: false });
    expect(res.status).toBe(412);
    expect(res.body.error.code).toBe('failed-precondition');
    expect(res.body.error.message).toMatch(/your own admin role/);
    expect((await h.auth.getUser(admin.uid)).customClaims?.['admin']).toBe(true);
    expect(records).toHaveLength(0);
  });

  it('an admin cannot disable their own account: 412, no record', async () => {
    const { res, records } = await act('post', `/admin/users/${admin.uid}/disable`, { disabled: true });
    expect(res.status).toBe(412);
    expect((await h.auth.getUser(admin.uid)).disabled).toBe(false);
    expect(records).toHaveLength(0);
  });

  it.each([
    ['editing a missing profile', 'patch', '/admin/users/nobody-here', { bio: 'x' }],
    ['granting the claim to a missing user', 'post', '/admin/users/nobody-here/admin-claim', { admin: true }],
    ['removing a non-member', 'delete', '/admin/chats/no-such-chat/members/nobody-here', undefined],
    ['moderating a missing message', 'delete', '/admin/chats/no-such-chat/messages/none', undefined],
    ['deleting a missing chat', 'delete', '/admin/chats/no-such-chat', undefined],
    [
      'announcing to a missing user',
      'post',
      '/admin/announcements',
      { title: 't', body: 'b', to: 'nobody-here' },
    ],
  ] as const)('%s: 404, no record', async (_name, method, path, body) => {
    const { res, records } = await act(method, path, body);
    expect(res.status).toBe(404);
    expect(records).toHaveLength(0);
  });

  it('moderating an already deleted message: 412, no record', async () => {
    const { chatId, messageId } = await groupWithMessage(h, alice, [bob]);
    await act('delete', `/admin/chats/${chatId}/messages/${messageId}`);
    const again = await act('delete', `/admin/chats/${chatId}/messages/${messageId}`);
    expect(again.res.status).toBe(412);
    expect(again.records).toHaveLength(0);
  });

  it('bad input: 400 naming the field, no record', async () => {
    const { res, records } = await act('post', `/admin/users/${bob.uid}/admin-claim`, { admin: 'yes' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('admin');
    expect(records).toHaveLength(0);
  });
});
