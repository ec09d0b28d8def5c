import { z } from 'zod';
import { ChatId, MessageId } from './common';

/** Body of `POST /chats/{chatId}/read`: everything up to and including this message is read. */
export const MarkReadBody = z.strictObject({ messageId: MessageId });
export type MarkReadBody = z.infer<typeof MarkReadBody>;

export const UnreadCount = z.object({ chatId: ChatId, unreadCount: z.number().int().min(0) });

/** Answer of `GET /unread-counts`: every chat of the caller with unread messages, and the total. */
export const UnreadCounts = z
  .object({ total: z.number().int().min(0), chats: z.array(UnreadCount) })
  .meta({ id: 'UnreadCounts' });
export type UnreadCounts = z.infer<typeof UnreadCounts>;
