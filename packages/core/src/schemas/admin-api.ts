import { z } from 'zod';
import { Chat } from './chat';
import { ChatId, NotificationId, PageLimit } from './common';
import { Uid, UserProfile } from './user';

/**
 * The admin API's own shapes (`/admin/...`). Searches page with opaque cursors (`nextCursor` → `cursor`),
 * like every other list.
 */

const SearchCursor = z.string().min(1).max(1200).describe('`nextCursor` of the previous page.');

/** Query of `GET /admin/users`: a prefix search on one field, or every user in uid order. */
export const SearchUsersQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('A prefix of the field named by `by`; all users when absent.'),
  by: z
    .enum(['email', 'displayName', 'uid'])
    .default('email')
    .describe('Which field `q` is a prefix of. Emails are matched in lower case.'),
  limit: PageLimit,
  cursor: SearchCursor.optional(),
});
export type SearchUsersQuery = z.infer<typeof SearchUsersQuery>;

/** A profile with what only admins see: whether the account is disabled and holds the admin role. */
export const AdminUser = UserProfile.extend({
  disabled: z.boolean().describe('Set by `POST /admin/users/{uid}/disable`.'),
  admin: z
    .boolean()
    .describe('Whether the account holds the `admin` custom claim (as last set by the admin API).'),
}).meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof AdminUser>;

export const AdminUserPage = z.object({
  users: z.array(AdminUser),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
});
export type AdminUserPage = z.infer<typeof AdminUserPage>;

/** `GET /admin/users/{uid}`: the profile and the user's most recently active chats. */
export const AdminUserDetail = z.object({
  user: AdminUser,
  chats: z.array(Chat).describe('Up to 50 of the chats the user belongs to, most recent activity first.'),
});
export type AdminUserDetail = z.infer<typeof AdminUserDetail>;

export const AdminUidParams = z.strictObject({ uid: Uid });

/** Body of `POST /admin/users/{uid}/admin-claim`. */
export const SetAdminClaimBody = z.strictObject({
  admin: z.boolean().describe('true grants the `admin` custom claim; false removes it. Never on yourself.'),
});
export type SetAdminClaimBody = z.infer<typeof SetAdminClaimBody>;

/** Query of `GET /admin/chats`: by title prefix, by member, or every chat by recent activity. */
export const SearchChatsQuery = z
  .strictObject({
    q: z.string().trim().min(1).max(200).optional().describe('A prefix of the group title.'),
    member: Uid.optional().describe('Only chats this user belongs to.'),
    limit: PageLimit,
    cursor: SearchCursor.optional(),
  })
  .superRefine((query, ctx) => {
    if (query.q !== undefined && query.member !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['member'], message: 'Send q or member, not both.' });
    }
  });
export type SearchChatsQuery = z.infer<typeof SearchChatsQuery>;

/** A chat as admins list it: no caller membership. */
export const AdminChat = Chat.omit({ membership: true }).meta({ id: 'AdminChat' });
export type AdminChat = z.infer<typeof AdminChat>;

export const AdminChatPage = z.object({
  chats: z.array(AdminChat),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
});
export type AdminChatPage = z.infer<typeof AdminChatPage>;

export const AdminChatParams = z.strictObject({ chatId: ChatId });

/** Body of `POST /admin/announcements`: to one user, or to everyone when `to` is absent. */
export const AnnouncementBody = z.strictObject({
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(2000),
  to: Uid.optional().describe('One recipient; everyone with a profile when absent.'),
});
export type AnnouncementBody = z.infer<typeof AnnouncementBody>;

export const Announcement = z
  .object({
    id: NotificationId,
    title: z.string(),
    body: z.string(),
    to: Uid.nullable().describe('The one recipient; null for everyone.'),
    createdBy: Uid,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Announcement' });
export type Announcement = z.infer<typeof Announcement>;
