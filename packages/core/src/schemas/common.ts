import { z } from 'zod';

/**
 * Building blocks shared by the chat, message and notification schemas: document ids, page sizes, times
 * and the opaque cursors every paginated list uses.
 */

/** Whether Firestore accepts `id` as a document id: it reserves `.`, `..` and every `__…__`. */
export function isUsableDocId(id: string): boolean {
  return id !== '.' && id !== '..' && !/^__.*__$/.test(id);
}

export const RESERVED_ID_MESSAGE = 'Must not be an id Firestore reserves (".", "..", "__…__").';

/** A Firestore document id we mint or accept: letters, digits, `_` and `-`, so it is safe in paths and URLs. */
export const DocId = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[A-Za-z0-9_-]+$/, 'Must contain only letters, digits, "_" and "-".')
  .refine(isUsableDocId, RESERVED_ID_MESSAGE);

export const ChatId = DocId.describe(
  'A chat id. Group chats get a random id; a direct chat between two users is `dm_` + sha256 of their sorted uids.',
);
export const MessageId = DocId.describe('A message id, unique within its chat.');
export const NotificationId = DocId.describe('A notification id, unique within one inbox.');

/** Page size of every list: 1..100, 20 by default. Query strings arrive as text, hence the coercion. */
export const PageLimit = z.coerce
  .number()
  .int()
  .min(1)
  .max(100)
  .default(20)
  .describe('How many items to return (1..100).');

/** Instants in API responses: ISO 8601, UTC, millisecond precision. */
export const IsoTime = z.iso.datetime();

/**
 * A position in an ordered list: the sort time (as Firestore stores it, to the nanosecond) and the
 * document id that breaks ties. Clients see it only as an opaque base64url string.
 */
export interface PageCursor {
  seconds: number;
  nanos: number;
  id: string;
}

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.seconds, cursor.nanos, cursor.id])).toString('base64url');
}

/** The cursor inside an opaque string, or null when the string is not one of ours. */
export function decodeCursor(value: string): PageCursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const result = CursorTuple.safeParse(parsed);
  if (!result.success) return null;
  const [seconds, nanos, id] = result.data;
  return { seconds, nanos, id };
}

const CursorTuple = z.tuple([
  z.number().int().min(-62135596800).max(253402300799),
  z.number().int().min(0).max(999_999_999),
  DocId,
]);

/** An opaque cursor from a previous page; decoded on input, so a forged or truncated one is a 400. */
export const Cursor = z
  .string()
  .min(1)
  .max(600)
  .transform((value, ctx) => {
    const cursor = decodeCursor(value);
    if (!cursor) {
      ctx.addIssue({ code: 'custom', message: 'Invalid cursor: pass back a cursor this API returned.' });
      return z.NEVER;
    }
    return cursor;
  })
  .describe('An opaque cursor returned by a previous page.');

/** `?flag=true|false` in a query string. */
export const QueryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');
