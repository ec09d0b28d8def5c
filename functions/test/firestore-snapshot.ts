/**
 * A picture of the Firestore documents a set of users can reach, to show that a refused request changed
 * nothing: each user's document and inbox (announcements aside), every chat they belong to with its members and messages, their
 * revocation record, and the audit records and announcements they wrote. Each document is kept
 * with its update time, so even a write of identical data shows. Other suites share the emulator, so the
 * picture is scoped to these users rather than the whole database.
 */
import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore';

/** Path → update time and data of every document in scope. */
export type Snapshot = Map<string, string>;

export async function snapshotOf(db: Firestore, uids: readonly string[]): Promise<Snapshot> {
  const picture: Snapshot = new Map();
  const perUser = await Promise.all(
    uids.map((uid) =>
      Promise.all([
        db.doc(`users/${uid}`).get(),
        db.doc(`revocations/${uid}`).get(),
        // Announcements to everyone, posted by any suite sharing the emulator, reach these inboxes at any
        // moment (a loaded run saw them land during the checks). Whether a refused request created an
        // announcement shows in `announcements` below.
        db.collection(`users/${uid}/notifications`).where('type', '!=', 'announcement').get(),
        db.collection('chats').where('memberIds', 'array-contains', uid).get(),
        db.collection('auditLog').where('actor', '==', uid).get(),
        db.collection('announcements').where('createdBy', '==', uid).get(),
      ]),
    ),
  );
  const chats = new Map<string, DocumentSnapshot>();
  for (const [user, revocation, inbox, memberOf, audit, announcements] of perUser) {
    for (const d of [user, revocation, ...inbox.docs, ...audit.docs, ...announcements.docs])
      record(picture, d);
    for (const chat of memberOf.docs) chats.set(chat.ref.path, chat);
  }
  const under = await Promise.all(
    [...chats.values()].flatMap((chat) => {
      record(picture, chat);
      return [chat.ref.collection('members').get(), chat.ref.collection('messages').get()];
    }),
  );
  for (const query of under) for (const d of query.docs) record(picture, d);
  return picture;
}

function record(picture: Snapshot, snapshot: DocumentSnapshot): void {
  if (!snapshot.exists) return;
  picture.set(
    snapshot.ref.path,
    `${snapshot.updateTime?.toMillis() ?? 0} ${JSON.stringify(snapshot.data())}`,
  );
}

/** The paths that were added, removed or changed between two pictures; empty when they are the same. */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const changed: string[] = [];
  for (const [path, value] of after) {
    if (!before.has(path)) changed.push(`+ ${path}`);
    else if (before.get(path) !== value) changed.push(`~ ${path}`);
  }
  for (const path of before.keys()) if (!after.has(path)) changed.push(`- ${path}`);
  return changed;
}

/**
 * Wait until nothing in scope has changed for `quietMs`: after an accepted write, the Functions emulator's
 * triggers (fan-out, notifications) land a moment later and must not be blamed on the next request.
 */
export async function settledSnapshot(
  db: Firestore,
  uids: readonly string[],
  { quietMs = 800, timeoutMs = 15_000 } = {},
): Promise<Snapshot> {
  const deadline = Date.now() + timeoutMs;
  let last = await snapshotOf(db, uids);
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await snapshotOf(db, uids);
    if (differences(last, now).length > 0) quietSince = Date.now();
    last = now;
  }
  return last;
}
