import type { Services } from '@chat/core';
import type { TriggerEvent } from './trigger-event';

/** `chats/{chatId}/members/{uid}` created → one notification for the new member (not for the creator). */
export function onMemberAdded(
  services: Services,
  event: TriggerEvent<{ chatId: string; uid: string }>,
): Promise<boolean> {
  return services.fanOut.memberAdded(event.params.chatId, event.params.uid);
}
