/**
 * What the chaos tests share: chat members on the project's relay client (`RelayClient`), senders that
 * retry a send with its key until it is acknowledged, and the comparison of what each member received
 * with what Firestore holds.
 */
import { FieldPath } from 'firebase-admin/firestore';
import { RelayClient } from '@chat/client';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import type { Harness } from './support';

/** A member on the relay client, with everything it delivered and everything its socket received. */
export interface Member {
  user: TestUser;
  client: RelayClient;
  /** Message ids as `onMessage` delivered them. */
  delivered: string[];
  /** Message ids as `message:new` reached the socket, before the client's holding and deduplication. */
  received: string[];
}

/** A member whose client goes through `url` and retries quickly, as a client behind a front end would. */
export function member(h: Harness, url: string, user: TestUser, timeoutMs = 3_000): Member {
  const client = new RelayClient({
    url,
    getToken: async () => user.idToken,
    timeoutMs,
    socket: { reconnectionDelay: 50, reconnectionDelayMax: 250, forceNew: true },
  });
  h.defer(() => client.close());
  const delivered: string[] = [];
  const received: string[] = [];
  client.onMessage((message) => delivered.push(message.id));
  client.socket.on('message:new', (message) => received.push(message.id));
  return { user, client, delivered, received };
}

/** Resolves once the client's socket is connected. */
export function connected(client: RelayClient): Promise<void> {
  if (client.socket.connected) return Promise.resolve();
  return new Promise((resolve) => client.socket.once('connect', () => resolve()));
}

/** Sends `text` with a fixed key until one attempt is acknowledged; counts the attempts that failed. */
export async function sendUntilAcked(
  client: RelayClient,
  chatId: string,
  text: string,
  key: string,
  failures: { count: number },
): Promise<void> {
  for (;;) {
    try {
      await client.send(chatId, text, key);
      return;
    } catch {
      // The instance died with the send in flight, or the ack timed out: the same key again is safe.
      failures.count += 1;
    }
  }
}

/** A message the test sent: its id, and its text, `{sender}-{n}` with n counting each sender's sends. */
export interface SentMessage {
  id: string;
  text: string;
}

/** Every message of the chat in Firestore, in the relay's (createdAt, id) order. */
export async function messagesInFirestore(h: Harness, chatId: string): Promise<SentMessage[]> {
  const snapshot = await h.db
    .collection(`chats/${chatId}/messages`)
    .orderBy('createdAt')
    .orderBy(FieldPath.documentId())
    .get();
  return snapshot.docs.map((doc) => ({ id: doc.id, text: String(doc.get('text')) }));
}

export interface Tally {
  expected: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** Messages that arrived before an earlier send of the same sender. */
  outOfOrder: number;
}

/**
 * What one member got against what Firestore holds. Order is each sender's: a sender waits for one send's
 * answer before the next, so its messages commit in order, and the relay delivers in commit order. Across
 * senders there is no order to keep: sends in flight together may commit in either order (createdAt is
 * the request's time, so the commit order need not be the (createdAt, id) order).
 */
export function tally(expected: SentMessage[], delivered: string[]): Tally {
  const got = new Set(delivered);
  const lost = expected.filter((m) => !got.has(m.id)).length;
  const duplicated = delivered.length - got.size;
  const sent = new Map(
    expected.map((m) => {
      const [, sender = m.text, n = '0'] = m.text.match(/^(.*)-(\d+)$/) ?? [];
      return [m.id, { sender, n: Number(n) }] as const;
    }),
  );
  const lastOf = new Map<string, number>();
  let outOfOrder = 0;
  for (const id of got) {
    const message = sent.get(id);
    if (!message) continue;
    const last = lastOf.get(message.sender) ?? -1;
    if (message.n < last) outOfOrder += 1;
    lastOf.set(message.sender, Math.max(last, message.n));
  }
  return { expected: expected.length, delivered: delivered.length, lost, duplicated, outOfOrder };
}
