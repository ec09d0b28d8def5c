/** What the admin API tests share: users with profiles, groups with messages, and audit records by request. */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createUser, type TestUser } from '../../scripts/lib/auth-emulator';
import type { Harness } from './support';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A fresh request id, so a test can find exactly the audit records its one request wrote. */
export const newRequestId = () => `req-${randomUUID()}`;

/** A signed-in user with a profile; `uid` and the email derive from it. */
export async function userWithProfile(
  h: Harness,
  uid: string,
  options: { admin?: boolean; displayName?: string } = {},
): Promise<TestUser> {
  const user = await createUser(h.auth, { uid, ...(options.admin ? { claims: { admin: true } } : {}) });
  await request(h.app)
    .post('/users')
    .set(bearer(user.idToken))
    .send({ displayName: options.displayName ?? uid })
    .expect(201);
  return user;
}

/** A group owned by `owner` with `members`, and one message from `owner`; returns their ids. */
export async function groupWithMessage(
  h: Harness,
  owner: TestUser,
  members: TestUser[],
  title = 'Admin test group',
): Promise<{ chatId: string; messageId: string }> {
  const chat = await request(h.app)
    .post('/chats')
    .set(bearer(owner.idToken))
    .send({ type: 'group', title, memberIds: members.map((member) => member.uid) })
    .expect(201);
  const chatId = chat.body.id as string;
  const message = await request(h.app)
    .post(`/chats/${chatId}/messages`)
    .set(bearer(owner.idToken))
    .send({ text: 'Something to moderate' })
    .expect(201);
  return { chatId, messageId: message.body.id as string };
}

/** Every audit record written under `requestId`. */
export async function auditRecordsOf(h: Harness, requestId: string) {
  const snapshot = await h.db.collection('auditLog').where('requestId', '==', requestId).get();
  return snapshot.docs.map((doc) => doc.data());
}
