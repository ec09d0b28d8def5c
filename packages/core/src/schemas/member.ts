import { z } from 'zod';
import { ChatId, IsoTime, MessageId, PageLimit } from './common';
import { Uid } from './user';

/**
 * Members. Firestore layout: `chats/{chatId}/members/{uid}`:
 * `{ role: 'owner'|'admin'|'member', joinedAt, addedBy: string|null, lastReadMessageId: string|null,
 *    lastReadAt: Timestamp|null, unreadCount: number, muted: boolean }`
 *
 * - `addedBy` is who added the member (null for the chat's creator); the member-added trigger uses it.
 * - The read position is (`lastReadAt`, `lastReadMessageId`), the message's own (createdAt, id), and never
 *   moves backwards. `unreadCount` counts the messages from others after it; see `fanouts` in `message.ts`.
 */

export const Role = z
  .enum(['owner', 'admin', 'member'])
  .describe(
    'owner: everything, including roles and deleting the chat; admin: rename, add and remove members, ' +
      'delete any message; member: read and write.',
  );
export type Role = z.infer<typeof Role>;

export const Member = z
  .object({
    uid: Uid,
    role: Role,
    joinedAt: IsoTime,
    addedBy: Uid.nullable(),
    lastReadMessageId: MessageId.nullable(),
    lastReadAt: IsoTime.nullable(),
    unreadCount: z.number().int().min(0),
    muted: z.boolean(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;

/** Path parameters of `/chats/{chatId}/members/{uid}`. */
export const MemberParams = z.strictObject({ chatId: ChatId, uid: Uid });

/** Body of `POST /chats/{chatId}/members`. Only the owner can add someone straight in as an admin. */
export const AddMemberBody = z.strictObject({
  uid: Uid.describe('The user to add; their profile must exist.'),
  role: z.enum(['admin', 'member']).default('member'),
});
export type AddMemberBody = z.infer<typeof AddMemberBody>;

/**
 * Body of `PATCH /chats/{chatId}/members/{uid}`.
 * - `role` is for the owner to change someone else's; `owner` hands the chat over (the old owner becomes admin).
 * - `muted` is for members to change on themselves: a muted member gets no message notifications.
 */
export const UpdateMemberBody = z
  .strictObject({ role: Role.optional(), muted: z.boolean().optional() })
  .refine((body) => body.role !== undefined || body.muted !== undefined, {
    message: 'Send role or muted.',
  });
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

/** Query of `GET /chats/{chatId}/members`: members in uid order. */
export const ListMembersQuery = z.strictObject({ limit: PageLimit, cursor: Uid.optional() });
export type ListMembersQuery = z.infer<typeof ListMembersQuery>;

export const MemberPage = z.object({
  members: z.array(Member),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
});
export type MemberPage = z.infer<typeof MemberPage>;
