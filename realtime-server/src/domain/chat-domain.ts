import type { AuthContext, RealtimeChat, RealtimeMessage } from '@chat/core';

/**
 * What the relay's socket handlers need from the chat domain. The handlers stay thin: every rule
 * (membership, validation, idempotency, rate limits) lives behind this interface, in the same core services
 * the REST API uses. Every method throws AppErrors with the API's codes.
 */
export interface ChatDomain {
  /** Resolves when the caller is a member of the chat (one read); `not-found` otherwise. */
  checkMember(auth: AuthContext, chatId: string): Promise<void>;
  /** The chat, when the caller is a member of it; `not-found` or `permission-denied` otherwise. */
  requireMember(auth: AuthContext, chatId: string): Promise<RealtimeChat>;
  /** The newest `limit` messages, oldest first. */
  recentMessages(auth: AuthContext, chatId: string, limit: number): Promise<RealtimeMessage[]>;
  /** Up to `limit` messages committed after message `after`, oldest first; `not-found` for an unknown id. */
  messagesAfter(auth: AuthContext, chatId: string, after: string, limit: number): Promise<RealtimeMessage[]>;
  /** Send with an idempotency key: the same key returns the message the first send created. */
  send(
    auth: AuthContext,
    chatId: string,
    body: { text: string; replyToId: string | null },
    idempotencyKey: string,
  ): Promise<RealtimeMessage>;
  /** The id of the caller's direct chat with `otherUid`, created if need be. */
  openDirect(auth: AuthContext, otherUid: string): Promise<string>;
  markRead(auth: AuthContext, chatId: string, messageId: string): Promise<void>;
}
