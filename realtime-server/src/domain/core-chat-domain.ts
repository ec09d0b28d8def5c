import { realtimeChatOf, type Services } from '@chat/core';
import type { ChatDomain } from './chat-domain';

/**
 * The chat domain over the core services, the very ones behind the REST routes: a socket send gets the
 * same validation, authorization and idempotency as `POST /chats/{chatId}/messages`.
 */
export function coreChatDomain(services: Services): ChatDomain {
  return {
    async checkMember(auth, chatId) {
      await services.chats.requireMember(auth, chatId);
    },
    async requireMember(auth, chatId) {
      return realtimeChatOf(await services.chats.getAsMember(auth, chatId));
    },
    async recentMessages(auth, chatId, limit) {
      return (await services.messages.list(auth, chatId, { limit })).messages;
    },
    async messagesAfter(auth, chatId, after, limit) {
      return (await services.messages.listAfterMessage(auth, chatId, after, limit)).messages;
    },
    async send(auth, chatId, body, idempotencyKey) {
      const sent = await services.messages.send(
        auth,
        chatId,
        {
          text: body.text,
          clientMessageId: idempotencyKey,
          ...(body.replyToId ? { replyToId: body.replyToId } : {}),
        },
        { idempotencyKey },
      );
      return sent.message;
    },
    async openDirect(auth, otherUid) {
      return (await services.chats.openDirect(auth, otherUid)).chat.id;
    },
    async markRead(auth, chatId, messageId) {
      await services.readState.markRead(auth, chatId, { messageId });
    },
  };
}
