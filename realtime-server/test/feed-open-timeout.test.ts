/**
 * A chat's Firestore listener that never opens (its stream stuck behind a dead connection: every snapshot
 * withheld, as `FaultyListeners` does) must not hang a join: the join fails with `unavailable` within
 * FEED_OPEN_TIMEOUT_MS, leaves nothing behind, and a retry works once Firestore answers again.
 */
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import type { ChatJoined } from '@chat/core';
import type { TestUser } from '../../scripts/lib/auth-emulator';
import { FaultyListeners } from './faulty-listeners';
import { Harness, call, ok } from './support';

const TIMEOUT_MS = 1_500;
/** Room for a loaded machine on top of the configured timeout; a join that hangs still fails. */
const MARGIN_MS = 5_000;

/** The same Firestore, with the listeners on `chats/…` (the message feeds) subject to `faults`. */
function withFaultyChatListeners(db: Firestore, faults: FaultyListeners): Firestore {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'collection') {
        return (path: string): CollectionReference => {
          const collection = target.collection(path);
          return path === 'chats' ? faults.wrap(collection) : collection;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('When a chat listener never opens', () => {
  let h: Harness;
  let alice: TestUser;
  let chatId: string;

  beforeEach(async () => {
    h = new Harness();
    alice = await h.newUser({ welcome: false });
    chatId = await h.groupChat(alice, []);
  });
  afterEach(() => h.cleanup());

  it('then chat:join fails with unavailable within FEED_OPEN_TIMEOUT_MS, and a retry joins once it opens', async () => {
    const faults = new FaultyListeners();
    faults.mode = 'silent';
    const { relay } = await h.startRelay(
      { FEED_OPEN_TIMEOUT_MS: String(TIMEOUT_MS) },
      withFaultyChatListeners(h.db, faults),
    );
    const socket = await h.chat(relay, alice.idToken);

    const started = Date.now();
    const answer = await call<ChatJoined>(socket, 'chat:join', { chatId });
    const elapsed = Date.now() - started;
    process.stdout.write(
      `join with a listener that never opens: ${answer.ok ? 'ok' : answer.error.code} after ${elapsed} ms (timeout ${TIMEOUT_MS} ms)\n`,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(faults.opened).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    // Nothing left behind: no feed kept open for a socket that is not in the room.
    expect(relay.stats().chatFeeds).toBe(0);

    faults.mode = 'normal';
    const joined = await ok<ChatJoined>(socket, 'chat:join', { chatId });
    expect(joined.chat.id).toBe(chatId);
    expect(relay.stats().chatFeeds).toBe(1);
  });
});
