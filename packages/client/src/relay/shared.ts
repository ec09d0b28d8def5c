/** What both client classes share: options, the error type, calls, catching up, ordering and token helpers. */
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import type { Ack } from '@chat/core/contract';

export interface RelayClientOptions {
  /** The relay's base URL, e.g. https://relay-xyz.a.run.app */
  url: string;
  /** A Firebase ID token; `forceRefresh` after the relay said it expired (Firebase: `user.getIdToken(force)`). */
  getToken(forceRefresh: boolean): Promise<string>;
  /** Refresh the token this long before it expires. @default 60000 */
  refreshBeforeMs?: number;
  /** Ack timeout of every call. @default 10000 */
  timeoutMs?: number;
  /** Extra socket.io-client options (transports, reconnection delays…). */
  socket?: Partial<ManagerOptions & SocketOptions>;
}

/** Raised by the client's calls when the relay answers `{ ok: false }`; `code` is the API's error code. */
export class RelayError extends Error {
  override name = 'RelayError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** How long a chat join or notifications subscribe that failed on a live connection waits to try again. */
export const RESYNC_RETRY_MS = 1000;

/** Emit `event` and wait for its ack; an `{ ok: false }` answer is thrown as a `RelayError`. */
export async function call<T>(
  socket: Socket,
  timeoutMs: number,
  event: string,
  payload: unknown,
): Promise<T> {
  const answer = (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack<T>;
  if (!answer.ok) throw new RelayError(answer.error.code, answer.error.message, answer.error.status);
  return answer.data;
}

/**
 * A join or subscribe that catches up: `ask` from the cursor, hand the answer to `take` (which moves the
 * cursor), and ask again from the moved cursor while the answer says `hasMore`: more were missed than one
 * answer holds. Without a cursor it asks once (there, `hasMore` means older history, which REST pages), and
 * an answer that did not move the cursor ends it too: what it left out was not in the room yet, so it comes
 * live. Returns the last answer.
 */
export async function catchUp<A extends { hasMore: boolean }>(
  cursor: () => string | undefined,
  ask: (after: string | undefined) => Promise<A>,
  take: (answer: A) => void,
): Promise<A> {
  for (;;) {
    const after = cursor();
    const answer = await ask(after);
    take(answer);
    if (!after || !answer.hasMore || cursor() === after) return answer;
  }
}

/** Whether `item` sorts after `cursor` in the relay's (createdAt, id) order. */
export function isAfter(
  item: { id: string; createdAt: string },
  cursor: { id: string; createdAt: string },
): boolean {
  if (item.createdAt !== cursor.createdAt) return item.createdAt > cursor.createdAt;
  return item.id > cursor.id;
}

/** The `exp` of a JWT, in ms; null when it cannot be read. */
export function tokenExpiry(token: string): number | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/') ?? '')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

/** A fresh idempotency key for a send. */
export function randomKey(): string {
  return `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
