import { z } from 'zod';
import { Cursor, IsoTime, NotificationId, PageLimit, QueryBoolean } from './common';

/**
 * The inbox: `users/{uid}/notifications/{id}`: `{ type, title, body, subject, createdAt, readAt }`.
 * Ids are deterministic (`welcome`, `msg_{chatId}_{messageId}`, `added_{chatId}_{joinedAtMillis}`), so a
 * trigger delivered twice writes one notification.
 */

export const Notification = z
  .object({
    id: NotificationId,
    type: z.string(),
    title: z.string(),
    body: z.string(),
    subject: z.string().nullable().describe('What it is about, e.g. `chats/{chatId}`.'),
    createdAt: IsoTime,
    readAt: IsoTime.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

/** Query of `GET /notifications`: newest first. */
export const ListNotificationsQuery = z.strictObject({
  limit: PageLimit,
  cursor: Cursor.optional(),
  unread: QueryBoolean.optional().describe('true: only notifications not read yet.'),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;

export const NotificationParams = z.strictObject({ notificationId: NotificationId });

export const NotificationPage = z.object({
  notifications: z.array(Notification),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const MarkAllReadResult = z.object({ updated: z.number().int().min(0) });
export type MarkAllReadResult = z.infer<typeof MarkAllReadResult>;
