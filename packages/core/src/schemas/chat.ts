import { z } from 'zod';
import { ChatId, Cursor, IsoTime, MessageId, PageLimit } from './common';
import { oneLine } from './plain-text';
import { Member } from './member';
import { Uid } from './user';

/**
 * Chats. Firestore layout (the relay reads the same documents):
 *
 * `chats/{chatId}`:
 * `{ type: 'direct'|'group', title: string|null, memberIds: string[], createdBy, createdAt, updatedAt,
 *    lastActivityAt: Timestamp, lastMessage: { id, senderId, text, createdAt } | null }`
 *
 * - `memberIds` mirrors the `members` subcollection (kept in step in one transaction) so "my chats" is one
 *   `array-contains` query ordered by `lastActivityAt` desc.
 * - `lastMessage` and `lastActivityAt` are set by the message trigger, only ever forward in
 *   (createdAt, id) order, so late or replayed events cannot move them back.
 * - A direct chat has the id `dm_` + hex sha256 of the two sorted uids joined by "\n": opening it twice
 *   gives the same chat. Its two members are both owners, its title is null, its members are fixed.
 */

export const ChatType = z.enum(['direct', 'group']);
export type ChatType = z.infer<typeof ChatType>;

/** The most chat members a group can hold; the trigger fan-out is tested at 1,000. */
export const MAX_CHAT_MEMBERS = 2000;
/** How many other members `POST /chats` accepts at once; add more with `POST /chats/{chatId}/members`. */
export const MAX_INITIAL_MEMBERS = 100;

const Title = oneLine(120).describe(
  'The group title, 1..120 characters, on one line (no control characters or bidirectional controls).',
);

/** Body of `POST /chats`: a direct chat with one other user, or a group. The creator is always the caller. */
export const CreateChatBody = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('direct'),
      memberId: Uid.describe('The other user; their profile must exist.'),
    })
    .meta({ description: 'Open (or reopen) the direct chat with one other user.' }),
  z
    .strictObject({
      type: z.literal('group'),
      title: Title,
      memberIds: z
        .array(Uid)
        .max(MAX_INITIAL_MEMBERS)
        .default([])
        .describe('Users to add besides the caller, who becomes the owner. Their profiles must exist.'),
    })
    .meta({ description: 'Create a group chat owned by the caller.' }),
]);
export type CreateChatBody = z.infer<typeof CreateChatBody>;

/** Body of `PATCH /chats/{chatId}`. */
export const UpdateChatBody = z.strictObject({ title: Title });
export type UpdateChatBody = z.infer<typeof UpdateChatBody>;

/** Path parameters of every `/chats/{chatId}/...` route. */
export const ChatParams = z.strictObject({ chatId: ChatId });

/** Query of `GET /chats`. */
export const ListChatsQuery = z.strictObject({ limit: PageLimit, cursor: Cursor.optional() });
export type ListChatsQuery = z.infer<typeof ListChatsQuery>;

export const LastMessage = z.object({
  id: MessageId,
  senderId: Uid,
  text: z.string(),
  createdAt: IsoTime,
});
export type LastMessage = z.infer<typeof LastMessage>;

/** A chat as the API returns it. `membership` is the caller's own member record (null for an app admin looking in). */
export const Chat = z
  .object({
    id: ChatId,
    type: ChatType,
    title: z.string().nullable(),
    memberIds: z.array(Uid),
    createdBy: Uid,
    createdAt: IsoTime,
    updatedAt: IsoTime,
    lastActivityAt: IsoTime,
    lastMessage: LastMessage.nullable(),
    membership: Member.nullable(),
  })
  .meta({ id: 'Chat' });
export type Chat = z.infer<typeof Chat>;

/** One page of `GET /chats`, newest activity first. */
export const ChatPage = z.object({
  chats: z.array(Chat),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
});
export type ChatPage = z.infer<typeof ChatPage>;
