/**
 * The fan-out triggers, delivered by hand: twice, in reverse order, concurrently, late. The data lives in a
 * project of its own, so the Functions emulator (which serves the main project) never delivers these
 * events itself, and every delivery here is one the test chose.
 */
import { randomUUID } from 'node:crypto';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { FieldValue, getFirestore, type Firestore } from 'firebase-admin/firestore';
import { bucketOf, createServices, type AuthContext, type Services } from '@chat/core';
import { onMemberAdded } from '../src/triggers/member-added';
import { onMessageCreated } from '../src/triggers/message-created';
import { onUserCreated } from '../src/triggers/user-created';
import { seedProfiles } from './support';

const firebase = initializeApp({ projectId: 'demo-chat-triggers' }, `triggers-${randomUUID()}`);
const db: Firestore = getFirestore(firebase);
const services: Services = createServices(db, getAuth(firebase));
afterAll(() => deleteApp(firebase));
jest.setTimeout(60_000);

const as = (uid: string): AuthContext => ({ uid, email: null, admin: false });

const people = (count: number) => seedProfiles(db, count, 't');

async function group(owner: string, members: string[]): Promise<string> {
  return (await services.chats.createGroup(as(owner), 'Trigger test', members)).chat.id;
}

async function say(uid: string, chatId: string, text: string): Promise<string> {
  return (await services.messages.send(as(uid), chatId, { text })).message.id;
}

const deliverMessage = (chatId: string, messageId: string) =>
  onMessageCreated(services, { id: randomUUID(), params: { chatId, messageId } });
const deliverMember = (chatId: string, uid: string) =>
  onMemberAdded(services, { id: randomUUID(), params: { chatId, uid } });

async function unreadCounts(chatId: string): Promise<Record<string, number>> {
  const snapshot = await db.collection(`chats/${chatId}/members`).get();
  return Object.fromEntries(snapshot.docs.map((doc) => [doc.id, doc.get('unreadCount') as number]));
}

async function messageNotifications(uid: string, chatId: string): Promise<string[]> {
  const snapshot = await db.collection(`users/${uid}/notifications`).where('type', '==', 'message').get();
  return snapshot.docs.map((doc) => doc.id).filter((id) => id.startsWith(`msg_${chatId}_`));
}

describe('messageCreated', () => {
  it('when an event is delivered twice, then the second delivery changes nothing', async () => {
    const [sender, a, b] = await people(3);
    const chatId = await group(sender!, [a!, b!]);
    const messageId = await say(sender!, chatId, 'hello');

    expect(await deliverMessage(chatId, messageId)).toEqual({ counted: 2, notified: 2 });
    expect(await deliverMessage(chatId, messageId)).toEqual({ counted: 0, notified: 0 });

    expect(await unreadCounts(chatId)).toEqual({ [sender!]: 0, [a!]: 1, [b!]: 1 });
    for (const uid of [a!, b!])
      expect(await messageNotifications(uid, chatId)).toEqual([`msg_${chatId}_${messageId}`]);
    expect(await messageNotifications(sender!, chatId)).toEqual([]);
    const chat = (await db.doc(`chats/${chatId}`).get()).data();
    expect(chat?.lastMessage).toMatchObject({ id: messageId, senderId: sender, text: 'hello' });
    expect(chat?.lastActivityAt.isEqual(chat.lastMessage.createdAt)).toBe(true);
    const note = (await db.doc(`users/${a}/notifications/msg_${chatId}_${messageId}`).get()).data();
    expect(note).toMatchObject({
      type: 'message',
      title: `Name of ${sender} in Trigger test`,
      body: 'hello',
      subject: `chats/${chatId}/messages/${messageId}`,
      readAt: null,
    });
  });

  it('when a finished fan-out is replayed, then it stops at its done marker without looking at the members', async () => {
    const [sender, a] = await people(2);
    const chatId = await group(sender!, [a!]);
    const messageId = await say(sender!, chatId, 'hello');
    expect(await deliverMessage(chatId, messageId)).toEqual({ counted: 1, notified: 1 });
    expect((await db.doc(`chats/${chatId}/fanouts/${messageId}_done`).get()).get('messageId')).toBe(
      messageId,
    );

    // Take away what the steps claim with: a replay that went past the done marker would count and
    // announce again. One that stops at it changes nothing.
    const claims = await db.collection(`chats/${chatId}/fanouts`).where('messageId', '==', messageId).get();
    await Promise.all(claims.docs.filter((doc) => doc.get('uids')).map((doc) => doc.ref.delete()));
    await db.doc(`users/${a}/notifications/msg_${chatId}_${messageId}`).delete();

    expect(await deliverMessage(chatId, messageId)).toEqual({ counted: 0, notified: 0 });
    expect(await unreadCounts(chatId)).toEqual({ [sender!]: 0, [a!]: 1 });
    expect(await messageNotifications(a!, chatId)).toEqual([]);
  });

  it('when a fan-out stopped before its done marker, then the replay finishes it without doing a step twice', async () => {
    const [sender, a, b] = await people(3);
    const chatId = await group(sender!, [a!, b!]);
    const messageId = await say(sender!, chatId, 'hello');
    expect(await deliverMessage(chatId, messageId)).toEqual({ counted: 2, notified: 2 });
    // As if the first delivery had failed after its steps, before its marker.
    await db.doc(`chats/${chatId}/fanouts/${messageId}_done`).delete();

    expect(await deliverMessage(chatId, messageId)).toEqual({ counted: 0, notified: 0 });
    expect(await unreadCounts(chatId)).toEqual({ [sender!]: 0, [a!]: 1, [b!]: 1 });
    expect((await db.doc(`chats/${chatId}/fanouts/${messageId}_done`).get()).exists).toBe(true);
  });

  it('when events arrive in reverse order and then again, then counts are exact and the last message is the newest', async () => {
    const [sender, reader] = await people(2);
    const chatId = await group(sender!, [reader!]);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await say(sender!, chatId, `m${i}`));

    for (const id of [...ids].reverse()) await deliverMessage(chatId, id);
    for (const id of ids) await deliverMessage(chatId, id);

    expect((await unreadCounts(chatId))[reader!]).toBe(5);
    expect((await messageNotifications(reader!, chatId)).sort()).toEqual(
      ids.map((id) => `msg_${chatId}_${id}`).sort(),
    );
    expect((await db.doc(`chats/${chatId}`).get()).get('lastMessage.id')).toBe(ids[4]);
  });

  it('when the same events are delivered concurrently, several times each, then each counts once', async () => {
    const [sender, a, b] = await people(3);
    const chatId = await group(sender!, [a!, b!]);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await say(sender!, chatId, `c${i}`));
    const results = await Promise.all([...ids, ...ids, ...ids].map((id) => deliverMessage(chatId, id)));

    expect(results.reduce((sum, r) => sum + r.counted, 0)).toBe(12);
    expect(await unreadCounts(chatId)).toEqual({ [sender!]: 0, [a!]: 6, [b!]: 6 });
    expect(await messageNotifications(a!, chatId)).toHaveLength(6);
  });

  it('when a member reads while events are still being delivered, then the count ends exact', async () => {
    const [sender, reader] = await people(2);
    const chatId = await group(sender!, [reader!]);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await say(sender!, chatId, `r${i}`));
    await Promise.all([
      ...[...ids].reverse().map((id) => deliverMessage(chatId, id)),
      services.readState.markRead(as(reader!), chatId, { messageId: ids[5]! }),
      ...ids.map((id) => deliverMessage(chatId, id)),
    ]);
    // Read up to r5: r6..r9 remain, however the reads and the deliveries interleaved.
    expect((await unreadCounts(chatId))[reader!]).toBe(4);
  });

  it('when a member left and came back, then marking an old message read counts only the new membership', async () => {
    const [sender, reader] = await people(2);
    const chatId = await group(sender!, [reader!]);
    const m0 = await say(sender!, chatId, 'm0');
    const m1 = await say(sender!, chatId, 'm1');
    for (const id of [m0, m1]) await deliverMessage(chatId, id);
    await services.members.remove(as(sender!), chatId, reader!);
    await services.members.add(as(sender!), chatId, { uid: reader!, role: 'member' });
    await deliverMessage(chatId, await say(sender!, chatId, 'm2'));
    expect((await unreadCounts(chatId))[reader!]).toBe(1);

    const member = await services.readState.markRead(as(reader!), chatId, { messageId: m0 });
    expect(member.unreadCount).toBe(1);
  });

  it('when a member is muted, then they count the message but get no notification', async () => {
    const [sender, muted, loud] = await people(3);
    const chatId = await group(sender!, [muted!, loud!]);
    await services.members.update(as(muted!), chatId, muted!, { muted: true });
    const messageId = await say(sender!, chatId, 'psst');
    expect(await deliverMessage(chatId, messageId)).toEqual({ counted: 2, notified: 1 });
    expect(await messageNotifications(muted!, chatId)).toEqual([]);
    expect(await messageNotifications(loud!, chatId)).toHaveLength(1);
    expect((await unreadCounts(chatId))[muted!]).toBe(1);
  });

  it('when a member joined after the message, then it is neither counted nor announced to them', async () => {
    const [sender, early, late] = await people(3);
    const chatId = await group(sender!, [early!]);
    const messageId = await say(sender!, chatId, 'before you came');
    await services.members.add(as(sender!), chatId, { uid: late!, role: 'member' });
    await deliverMessage(chatId, messageId);
    expect(await unreadCounts(chatId)).toEqual({ [sender!]: 0, [early!]: 1, [late!]: 0 });
    expect(await messageNotifications(late!, chatId)).toEqual([]);
  });

  it('when the message was deleted before its event, then it counts but announces nothing and the preview is empty', async () => {
    const [sender, reader] = await people(2);
    const chatId = await group(sender!, [reader!]);
    const messageId = await say(sender!, chatId, 'oops');
    await services.messages.delete(as(sender!), chatId, messageId);
    expect(await deliverMessage(chatId, messageId)).toEqual({ counted: 1, notified: 0 });
    expect((await db.doc(`chats/${chatId}`).get()).get('lastMessage')).toMatchObject({
      id: messageId,
      text: '',
    });
  });

  it('when the chat was deleted before the event, then the delivery does nothing and does not fail', async () => {
    const [sender, reader] = await people(2);
    const chatId = await group(sender!, [reader!]);
    const messageId = await say(sender!, chatId, 'into the void');
    await services.chats.delete(as(sender!), chatId);
    expect(await deliverMessage(chatId, messageId)).toEqual({ counted: 0, notified: 0 });
    expect((await db.doc(`chats/${chatId}`).get()).exists).toBe(false);
  });

  it('when a chat has 1,000 members, then one message fans out to all 999 others, once', async () => {
    const [owner] = await people(1);
    const chatId = await group(owner!, []);
    const others = Array.from({ length: 999 }, (_, i) => `big-${chatId}-${i}`);
    const writer = db.bulkWriter();
    const writes = others.map((uid) =>
      writer.create(db.doc(`chats/${chatId}/members/${uid}`), {
        role: 'member',
        joinedAt: FieldValue.serverTimestamp(),
        addedBy: owner,
        lastReadMessageId: null,
        lastReadAt: null,
        unreadCount: 0,
        muted: false,
      }),
    );
    await writer.close();
    await Promise.all(writes);
    await db.doc(`chats/${chatId}`).update({ memberIds: FieldValue.arrayUnion(...others) });
    const messageId = await say(owner!, chatId, 'hello everyone');

    expect(await deliverMessage(chatId, messageId)).toEqual({ counted: 999, notified: 999 });
    expect(await deliverMessage(chatId, messageId)).toEqual({ counted: 0, notified: 0 });

    // Each of the 16 buckets claimed its share once, with one marker each (the counts above: each member once).
    const buckets = [...new Set(others.map(bucketOf))].sort();
    expect(buckets).toHaveLength(16);
    const markers = await db.collection(`chats/${chatId}/fanouts`).get();
    const ids = markers.docs.map((doc) => doc.id).filter((id) => id.startsWith(`${messageId}_`));
    // Besides the buckets' markers, the one that says the whole fan-out finished (a replay stops at it).
    expect(ids).toContain(`${messageId}_done`);
    const claimed = ids.filter((id) => id !== `${messageId}_done`);
    expect(claimed.sort()).toEqual(buckets.map((bucket) => `${messageId}_${bucket}`));

    const counts = await unreadCounts(chatId);
    expect(Object.keys(counts)).toHaveLength(1000);
    expect(others.every((uid) => counts[uid] === 1)).toBe(true);
    const notes = await db.getAll(
      ...others.map((uid) => db.doc(`users/${uid}/notifications/msg_${chatId}_${messageId}`)),
    );
    expect(notes.filter((note) => note.exists)).toHaveLength(999);
  }, 180_000);
});

describe('memberAdded', () => {
  it('when the events of a new group arrive twice and in reverse, then each added member has one notice, the creator none', async () => {
    const [owner, a, b] = await people(3);
    const chatId = await group(owner!, [a!, b!]);
    for (const uid of [b!, a!, owner!, a!, b!, owner!]) await deliverMember(chatId, uid);

    for (const uid of [a!, b!]) {
      const notes = await db
        .collection(`users/${uid}/notifications`)
        .where('type', '==', 'member-added')
        .get();
      expect(notes.docs.map((doc) => doc.data())).toEqual([
        expect.objectContaining({
          title: 'You were added to a group',
          body: `Name of ${owner} added you to “Trigger test”.`,
          subject: `chats/${chatId}`,
        }),
      ]);
    }
    const ownNotes = await db
      .collection(`users/${owner}/notifications`)
      .where('type', '==', 'member-added')
      .get();
    expect(ownNotes.size).toBe(0);
  });

  it('when the member was removed before the event arrived, then no notice is written', async () => {
    const [owner, gone] = await people(2);
    const chatId = await group(owner!, []);
    await services.members.add(as(owner!), chatId, { uid: gone!, role: 'member' });
    await services.members.remove(as(owner!), chatId, gone!);
    expect(await deliverMember(chatId, gone!)).toBe(false);
    expect((await db.collection(`users/${gone}/notifications`).get()).size).toBe(0);
  });

  it('when a direct chat is opened, then the other user is told who started it, once', async () => {
    const [ada, bob] = await people(2);
    const chatId = (await services.chats.openDirect(as(ada!), bob!)).chat.id;
    expect(await deliverMember(chatId, bob!)).toBe(true);
    expect(await deliverMember(chatId, bob!)).toBe(false);
    expect(await deliverMember(chatId, ada!)).toBe(false);
    const notes = await db.collection(`users/${bob}/notifications`).get();
    expect(notes.docs.map((doc) => doc.get('title'))).toEqual(['New direct chat']);
    expect(notes.docs.map((doc) => doc.get('body'))).toEqual([`Name of ${ada} started a chat with you.`]);
  });

  // Names and titles written before the API refused control characters (or by any other writer) must not
  // reach an inbox as they are: the notice is the server's own sentence, bounded, on one line.
  it('when the adder chose a hostile name and group title, then the notice is server text, bounded and plain', async () => {
    const [owner, added] = await people(2);
    const hostileName = `Support\u202E\nVerify your account at evil.example ${'x'.repeat(60)}`;
    const hostileTitle = `URGENT\r\n\u0007 click here\u2066 ${'y'.repeat(110)}`;
    await db.doc(`users/${owner}`).update({ displayName: hostileName });
    const chatId = await group(owner!, []);
    await db.doc(`chats/${chatId}`).update({ title: hostileTitle });
    await services.members.add(as(owner!), chatId, { uid: added!, role: 'member' });
    expect(await deliverMember(chatId, added!)).toBe(true);

    const [note] = (await db.collection(`users/${added}/notifications`).get()).docs.map((doc) => doc.data());
    expect(note?.['title']).toBe('You were added to a group');
    const body = note?.['body'] as string;
    expect(body.length).toBeLessThanOrEqual(140);
    expect(body).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u);
    expect(body).toMatch(/^Support Verify your account.*… added you to “URGENT click here y+…”\.$/u);
  });
});

describe('userCreated', () => {
  const deliverUserCreated = async (uid: string) => {
    const snapshot = await db.doc(`users/${uid}`).get();
    const event = { id: randomUUID(), params: { uid }, data: snapshot };
    await onUserCreated(services, event as unknown as Parameters<typeof onUserCreated>[1]);
  };

  it('when the event is delivered again, also concurrently, then the user has one welcome', async () => {
    const [uid] = await people(1);
    await deliverUserCreated(uid!);
    await Promise.all([deliverUserCreated(uid!), deliverUserCreated(uid!), deliverUserCreated(uid!)]);
    const inbox = await db.collection(`users/${uid}/notifications`).get();
    expect(inbox.docs.map((doc) => [doc.id, doc.get('type')])).toEqual([['welcome', 'welcome']]);
    expect(inbox.docs[0]?.get('title')).toContain(`Name of ${uid}`);
  });
});
