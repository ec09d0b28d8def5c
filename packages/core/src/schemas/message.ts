import { z } from 'zod';
import { ChatId, Cursor, IsoTime, MessageId, PageLimit } from './common';
import { Uid } from './user';

/**
 * Messages. Firestore layout: `chats/{chatId}/messages/{messageId}`:
 * `{ senderId, text, createdAt (server timestamp), editedAt: Timestamp|null, deletedAt: Timestamp|null,
 *    updatedAt (server timestamp), replyToId: string|null, clientMessageId: string|null }`
 *
 * - Messages are ordered by (createdAt, __name__). createdAt is a server timestamp: Firestore's request
 *   time, to the millisecond, taken just before the commit. So a message committed after a page was read
 *   almost always sorts after it; only one still in flight during that read, within those last
 *   milliseconds, can land just before the cursor. Clients that must never miss one (the relay's recovery)
 *   re-read from a little before their cursor and drop ids they hold.
 * - A deleted message is a tombstone: text "", deletedAt set. It keeps its place in the history.
 * - updatedAt is set on create (equal to createdAt), on every edit and on deletion. It is not part of the
 *   API: the relay follows a chat's messages with one listener ordered by (updatedAt, __name__), which sees
 *   new, edited and deleted messages alike. Pages and cursors stay on createdAt.
 * - A send with an idempotency key (the `Idempotency-Key` header or `clientMessageId`) gets the id
 *   `k_` + hex sha256(chatId, senderId, key), written with create(): a retry finds the original.
 *
 * Fan-out bookkeeping, written only by the message trigger: `chats/{chatId}/fanouts/{messageId}_{bucket}`:
 * `{ messageId, createdAt, uids: string[] }` — the members (of one of 16 hash buckets) whose unreadCount
 * this message incremented. It is created in the same transaction as the increments, so a replayed event
 * finds it and does nothing, and marking read recounts exactly the increments still after the new position.
 */

/** Longest message, in characters after trimming. */
export const MAX_MESSAGE_LENGTH = 4000;

const Text = z
  .string()
  .trim()
  .min(1, 'Must not be empty.')
  .max(MAX_MESSAGE_LENGTH, `Must be at most ${MAX_MESSAGE_LENGTH} characters.`)
  .describe(`The message text, 1..${MAX_MESSAGE_LENGTH} characters after trimming.`);

/** A client-chosen key that makes a send idempotent: printable ASCII, 1..128 characters. */
export const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7E]{1,128}$/, 'Must be 1..128 printable ASCII characters without spaces.');

/** Body of `POST /chats/{chatId}/messages`. The sender is always the caller. */
export const SendMessageBody = z.strictObject({
  text: Text,
  replyToId: MessageId.optional().describe('A message of the same chat this one answers.'),
  clientMessageId: IdempotencyKey.optional().describe(
    'Makes the send idempotent, like the Idempotency-Key header: a retry returns the original message.',
  ),
});
export type SendMessageBody = z.infer<typeof SendMessageBody>;

/** Headers of `POST /chats/{chatId}/messages` that we read. */
export const SendMessageHeaders = z.object({ 'Idempotency-Key': IdempotencyKey.optional() });

/** Body of `PATCH /chats/{chatId}/messages/{messageId}`: only the sender edits, only the text. */
export const EditMessageBody = z.strictObject({ text: Text });
export type EditMessageBody = z.infer<typeof EditMessageBody>;

/** Path parameters of `/chats/{chatId}/messages/{messageId}`. */
export const MessageParams = z.strictObject({ chatId: ChatId, messageId: MessageId });

/**
 * Query of `GET /chats/{chatId}/messages`.
 * - neither cursor: the latest `limit` messages;
 * - `before`: the `limit` messages just older than the cursor;
 * - `after`: the `limit` messages just newer than the cursor (catching up, missed-message recovery).
 */
export const ListMessagesQuery = z
  .strictObject({ limit: PageLimit, before: Cursor.optional(), after: Cursor.optional() })
  .superRefine((query, ctx) => {
    if (query.before && query.after) {
      ctx.addIssue({ code: 'custom', path: ['after'], message: 'Send before or after, not both.' });
    }
  });
export type ListMessagesQuery = z.infer<typeof ListMessagesQuery>;
/** What a caller passes to `ListMessagesQuery` (cursors still as strings). */
export type ListMessagesInput = z.input<typeof ListMessagesQuery>;

export const Message = z
  .object({
    id: MessageId,
    chatId: ChatId,
    senderId: Uid,
    text: z.string().describe('Empty when the message was deleted.'),
    createdAt: IsoTime,
    editedAt: IsoTime.nullable(),
    deletedAt: IsoTime.nullable(),
    replyToId: MessageId.nullable(),
    clientMessageId: z.string().nullable(),
    cursor: z.string().describe('This message as a cursor: pass it as `after` to get what came next.'),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof Message>;

/** One page of messages, always oldest first. */
export const MessagePage = z.object({
  messages: z.array(Message),
  olderCursor: z
    .string()
    .nullable()
    .describe('Pass as `before` for older messages; null when there are none.'),
  newerCursor: z
    .string()
    .nullable()
    .describe('Pass as `after` for newer messages (now or later); null only for an empty chat.'),
  hasNewer: z.boolean().describe('Whether newer messages existed when this page was read.'),
});
export type MessagePage = z.infer<typeof MessagePage>;
