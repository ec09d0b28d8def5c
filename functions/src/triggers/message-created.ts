import type { MessageFanOut, Services } from '@chat/core';
import type { TriggerEvent } from './trigger-event';

/**
 * `chats/{chatId}/messages/{messageId}` created → the chat's last message, the unread counts of the other
 * members, and their notifications. Reads the current state rather than the event's copy, so events may
 * arrive late, twice, or out of order.
 */
export function onMessageCreated(
  services: Services,
  event: TriggerEvent<{ chatId: string; messageId: string }>,
): Promise<MessageFanOut> {
  return services.fanOut.messageCreated(event.params.chatId, event.params.messageId);
}
