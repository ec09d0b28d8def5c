import type { Services } from '@chat/core';
import type { TriggerEvent } from './trigger-event';

/**
 * `chatDeletions/{chatId}` created → what is left under the deleted chat (members, messages, markers) is
 * deleted in pages, then the job. Retried on failure and safe to repeat, so a deletion that outlasts one run
 * finishes on the next. `pageSize` is for tests.
 */
export function onChatDeletionRequested(
  services: Services,
  event: TriggerEvent<{ chatId: string }>,
  pageSize?: number,
): Promise<{ deleted: number }> {
  return services.chats.finishDeletion(event.params.chatId, pageSize);
}
