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
 * - A deleted message is a tombstone: text "", deletedAt set. It keeps its place in the history. One an app
 *   admin removed (moderation, `DELETE /admin/chats/{chatId}/messages/{messageId}`) also has `moderated: true`.
 * - updatedAt is set on create (equal to createdAt), on every edit and on deletion. It is not part of the
 *   API: the relay follows a chat's messages with one listener ordered by (updatedAt, __name__), which sees
 *   new, edited and deleted messages alike. Pages and cursors stay on createdAt.
 * - A chat's changes are messages too. Adding, removing or losing a member, renaming the chat and deleting it
 *   each append a system message (`type: 'system'`, `system` says what happened, `text` is empty,
 *   `senderId` is who did it) in the same transaction as the change. So one ordered stream, the messages,
 *   holds everything a chat's room must hear, in commit order: the relay follows a chat with one listener,
 *   and a member removed before a message was sent is out of the room before that message reaches it.
 *   System messages are not counted as unread, not notified, not the chat's `lastMessage`, and cannot be
 *   edited, deleted or replied to. Messages written before this field existed read as `type: 'text'`.
 * - A send with an idempotency key (the `Idempotency-Key` header or `clientMessageId`) gets the id
 *   `k_` + hex sha256(chatId, senderId, key), written with create(): a retry finds the original.
 *
 * Fan-out bookkeeping, written only by the message trigger: `chats/{chatId}/fanouts/{messageId}_{bucket}`:
 * `{ messageId, createdAt, uids: string[] }` — the members (of one of 16 hash buckets) whose unreadCount
 * this message incremented. It is created in the same transaction as the increments, so a replayed event
 * finds it and does nothing, and marking read recounts exactly the increments still after the new position.
 * Beside them, `{messageId}_done` (`{ messageId, doneAt }`, no `uids`) is created once the whole fan-out of the
 * message has succeeded, so a replay reads it and stops.
 */

/** What a system message records: one change to the chat, made by its `senderId`. */
export const ChatEvent = z
  .discriminatedUnion('event', [
    z.object({ event: z.literal('member-added'), uid: Uid }),
    z.object({ event: z.literal('member-removed'), uid: Uid }),
    z.object({ event: z.literal('member-left'), uid: Uid }),
    z.object({ event: z.literal('renamed'), title: z.string() }),
    z.object({ event: z.literal('chat-deleted') }),
  ])
  .meta({ id: 'ChatEvent' });
export type ChatEvent = z.infer<typeof ChatEvent>;

export const MessageType = z.enum(['text', 'system']);
export type MessageType = z.infer<typeof MessageType>;

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
    type: MessageType.describe('`system`: a change to the chat (see `system`), written by the API itself.'),
    senderId: Uid.describe('Who sent it; for a system message, who made the change.'),
    text: z.string().describe('Empty when the message was deleted, and for system messages.'),
    system: ChatEvent.nullable().describe('What changed, on system messages; null on text messages.'),
    createdAt: IsoTime,
    editedAt: IsoTime.nullable(),
    deletedAt: IsoTime.nullable(),
    moderated: z
      .boolean()
      .describe('true when an app admin removed the message (moderation); its text is then empty.'),
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
