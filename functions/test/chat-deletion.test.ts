/**
 * Deleting chats, at the depth of core's services, with the deletion trigger delivered by hand: the data
 * lives in a project of its own, so the Functions emulator (which serves the main project) never delivers
 * these events itself, and every delivery here is one the test chose (twice, concurrently, after a run
 * that stopped part way). The HTTP side, with the emulator's own trigger, is in chats.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { FieldValue, getFirestore, type Firestore } from 'firebase-admin/firestore';
import { AppError, createServices, decodeCursor, type AuthContext, type Services } from '@chat/core';
import { onChatDeletionRequested } from '../src/triggers/chat-deletion-requested';
import { seedProfiles } from './support';

const firebase = initializeApp({ projectId: 'demo-chat-deletion' }, `deletion-${randomUUID()}`);
const db: Firestore = getFirestore(firebase);
const services: Services = createServices(db, getAuth(firebase));
afterAll(() => deleteApp(firebase));
jest.setTimeout(60_000);

const as = (uid: string, admin = false): AuthContext => ({ uid, email: null, admin });

const people = (count: number) => seedProfiles(db, count, 'd');

async function groupWith(owner: string, members: string[], messages: number): Promise<string> {
  const chatId = (await services.chats.createGroup(as(owner), 'Doomed', members)).chat.id;
  for (let i = 0; i < messages; i += 1) await services.messages.send(as(owner), chatId, { text: `m${i}` });
  return chatId;
}

const deliver = (chatId: string, pageSize?: number) =>
  onChatDeletionRequested(services, { id: randomUUID(), params: { chatId } }, pageSize);

async function leftUnder(chatId: string): Promise<number> {
  const collections = await db.doc(`chats/${chatId}`).listCollections();
  const sizes = await Promise.all(collections.map(async (collection) => (await collection.get()).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('when a group owner deletes their group', () => {
  it('then the chat-deleted message, the removal of the chat and the deletion job commit in one transaction', async () => {
    const [owner, member] = await people(2);
    const chatId = await groupWith(owner!, [member!], 2);
    await services.chats.delete(as(owner!), chatId);

    const deleted = await db
      .collection(`chats/${chatId}/messages`)
      .where('system.event', '==', 'chat-deleted')
      .get();
    expect(deleted.size).toBe(1);
    const job = await db.doc(`chatDeletions/${chatId}`).get();
    expect(job.exists).toBe(true);
    expect(job.get('requestedBy')).toBe(owner);
    // Every write of one commit carries that commit's time: a message written before the delete, outside
    // its transaction, would carry an earlier one.
    expect(deleted.docs[0]!.createTime.isEqual(job.createTime!)).toBe(true);
    expect((await db.doc(`chats/${chatId}`).get()).exists).toBe(false);
  });

  it('then every reader treats the chat as gone at once, before its history is deleted', async () => {
    const [owner, member] = await people(2);
    const chatId = await groupWith(owner!, [member!], 3);
    await services.chats.delete(as(owner!), chatId);
    expect(await leftUnder(chatId)).toBeGreaterThan(0); // the job has not run

    expect(await refusal(services.chats.get(as(member!), chatId))).toBe('not-found');
    expect(await refusal(services.messages.list(as(member!), chatId, { limit: 20 }))).toBe('not-found');
    expect(await refusal(services.messages.send(as(member!), chatId, { text: 'late' }))).toBe('not-found');
    expect(await refusal(services.members.list(as(member!), chatId, { limit: 20 }))).toBe('not-found');
    expect(await refusal(services.chats.requireMember(as(member!), chatId))).toBe('not-found');
    expect((await services.chats.listMine(as(member!), { limit: 50 })).chats.map((c) => c.id)).not.toContain(
      chatId,
    );
    expect((await services.readState.unreadCounts(as(member!))).chats.map((c) => c.chatId)).not.toContain(
      chatId,
    );
  });

  it('then the job deletes everything in pages, and a redelivered or concurrent event changes nothing more', async () => {
    const [owner, a, b] = await people(3);
    const chatId = await groupWith(owner!, [a!, b!], 12);
    await services.chats.delete(as(owner!), chatId);

    const [first, second] = await Promise.all([deliver(chatId, 5), deliver(chatId, 5)]);
    expect(first.deleted + second.deleted).toBeGreaterThanOrEqual(12 + 3 + 1);
    expect(await leftUnder(chatId)).toBe(0);
    expect((await db.doc(`chatDeletions/${chatId}`).get()).exists).toBe(false);
    expect(await deliver(chatId, 5)).toEqual({ deleted: 0 });
  });

  it('then a run that stopped part way (a timeout) is finished by the retried event', async () => {
    const [owner, member] = await people(2);
    const chatId = await groupWith(owner!, [member!], 8);
    await services.chats.delete(as(owner!), chatId);
    // What a run cut off after its first page leaves: part of the history, and the job still pending.
    const page = await db.collection(`chats/${chatId}/messages`).limit(4).get();
    await Promise.all(page.docs.map((doc) => doc.ref.delete()));
    expect((await db.doc(`chatDeletions/${chatId}`).get()).exists).toBe(true);

    expect((await deliver(chatId, 3)).deleted).toBeGreaterThan(0);
    expect(await leftUnder(chatId)).toBe(0);
    expect((await db.doc(`chatDeletions/${chatId}`).get()).exists).toBe(false);
  });

  it('then a plain member or a group admin cannot delete it (403), and nothing changes', async () => {
    const [owner, admin, member] = await people(3);
    const chatId = await groupWith(owner!, [admin!, member!], 1);
    await services.members.update(as(owner!), chatId, admin!, { role: 'admin' });
    expect(await refusal(services.chats.delete(as(member!), chatId))).toBe('permission-denied');
    expect(await refusal(services.chats.delete(as(admin!), chatId))).toBe('permission-denied');
    expect((await db.doc(`chats/${chatId}`).get()).exists).toBe(true);
    expect((await db.doc(`chatDeletions/${chatId}`).get()).exists).toBe(false);
  });
});

describe('when an app admin hard-deletes a chat', () => {
  it('then it is the audited admin operation, which commits the chat-deleted message with the deletion and leaves the rest to the job', async () => {
    const [appAdmin, a, b] = await people(3);
    const direct = (await services.chats.openDirect(as(a!), b!)).chat.id;
    await services.messages.send(as(a!), direct, { text: 'private' });

    // Not through the members' route: there, an app admin is pointed to the audited one.
    expect(await refusal(services.chats.delete(as(appAdmin!, true), direct))).toBe('permission-denied');
    await services.admin.deleteChat({ auth: as(appAdmin!, true), requestId: 'test' }, direct);

    const deleted = await db
      .collection(`chats/${direct}/messages`)
      .where('system.event', '==', 'chat-deleted')
      .get();
    const job = await db.doc(`chatDeletions/${direct}`).get();
    expect(deleted.docs[0]!.createTime.isEqual(job.createTime!)).toBe(true);
    expect(await refusal(services.messages.list(as(a!), direct, { limit: 20 }))).toBe('not-found');
    // While the job is pending the direct chat cannot be opened again (its old history would come back).
    expect(await refusal(services.chats.openDirect(as(a!), b!))).toBe('failed-precondition');

    await deliver(direct);
    expect(await leftUnder(direct)).toBe(0);
    const reopened = await services.chats.openDirect(as(b!), a!);
    expect(reopened.created).toBe(true);
    expect((await services.messages.list(as(a!), direct, { limit: 20 })).messages).toEqual([]);
  });
});

describe('when a member of a direct chat deletes it', () => {
  it('then the history is hidden for them only, and a new message brings the chat back with only the new history', async () => {
    const [ada, bob] = await people(2);
    const chatId = (await services.chats.openDirect(as(ada!), bob!)).chat.id;
    for (const text of ['one', 'two']) await services.messages.send(as(bob!), chatId, { text });
    await db.doc(`chats/${chatId}`).update({ lastActivityAt: FieldValue.serverTimestamp() });

    await services.chats.delete(as(ada!), chatId);
    expect((await db.doc(`chats/${chatId}`).get()).exists).toBe(true);
    expect((await db.doc(`chatDeletions/${chatId}`).get()).exists).toBe(false);
    const texts = async (uid: string) =>
      (await services.messages.list(as(uid), chatId, { limit: 20 })).messages.map((m) => m.text);
    expect(await texts(ada!)).toEqual([]);
    expect(await texts(bob!)).toEqual(['one', 'two']);
    const mine = async (uid: string) =>
      (await services.chats.listMine(as(uid), { limit: 50 })).chats.map((c) => c.id);
    expect(await mine(ada!)).not.toContain(chatId);
    expect(await mine(bob!)).toContain(chatId);
    expect((await services.chats.get(as(ada!), chatId)).lastMessage).toBeNull();
    expect((await services.chats.requireMember(as(ada!), chatId)).unreadCount).toBe(0);

    // The message trigger moves lastActivityAt forward; done by hand here, as the trigger would.
    const { message } = await services.messages.send(as(bob!), chatId, { text: 'three' });
    await db.doc(`chats/${chatId}`).update({ lastActivityAt: FieldValue.serverTimestamp() });
    expect(await texts(ada!)).toEqual(['three']);
    expect(await texts(bob!)).toEqual(['one', 'two', 'three']);
    expect(await mine(ada!)).toContain(chatId);
    const older = (await services.messages.list(as(bob!), chatId, { limit: 1 })).olderCursor;
    expect(older).not.toBeNull();
    expect(
      (await services.messages.list(as(ada!), chatId, { limit: 20, before: decodeCursor(message.cursor)! }))
        .messages,
    ).toEqual([]);
  });
});
