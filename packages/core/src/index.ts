export * from './errors';
// The browser-safe schemas and relay events, as `@chat/core/contract` exports them.
export * from './contract';
export * from './config-schemas';
export * from './validation';
export * from './auth';
export * from './verify-id-token';
export * from './cached-token-verifier';
export * from './repositories/firestore-health';
export * from './log-entry';
export * from './error-report';
export * from './services';
export * from './schemas/admin';
export { UserService } from './services/user-service';
export { UserRepository } from './repositories/user-repository';
export { NotificationService } from './services/notification-service';
export {
  NotificationRepository,
  type NewNotification,
  type NotificationDelivery,
} from './repositories/notification-repository';
export { ChatService, directChatId, type OpenedChat } from './services/chat-service';
export { MemberService } from './services/member-service';
export {
  MessageService,
  idempotentMessageId,
  type SendOptions,
  type SentMessage,
  type SentPrivateMessage,
} from './services/message-service';
export { SendLimit, MESSAGE_SEND_LIMITER } from './services/send-limit';
export { UserLimit } from './services/user-limit';
export { CHAT_CREATE_LIMITER, MEMBER_ADD_LIMITER, type ChatLimits } from './services/chat-limits';
export { ReadStateService } from './services/read-state-service';
export { FanOutService, bucketOf, type MessageFanOut } from './services/fan-out-service';
export { ChatAccess, may } from './services/chat-access';
export { parseMessage, toMessage, type MessageRecord } from './repositories/message-repository';
export { ChatRepository, parseChat, toChat, type ChatRecord } from './repositories/chat-repository';
export { MessageRepository } from './repositories/message-repository';
export { newestPositionIn, positionOf, type CreatedPosition } from './repositories/firestore-time';
export {
  parseNotification,
  toNotification,
  type NotificationRecord,
} from './repositories/notification-repository';
export * from './repositories/rate-limit-counter';
export * from './rate-limit/too-many-requests';
export type { RateLimitQuota } from './rate-limit/rate-limit-quota';
export * from './schemas/audit';
export * from './schemas/admin-api';
export { AdminService, type AdminCaller, type AnnouncementFanOut } from './services/admin-service';
export type { AccountService } from './services/account-service';
export {
  RevocationRepository,
  type Revocation,
  type MalformedRevocation,
} from './repositories/revocation-repository';
