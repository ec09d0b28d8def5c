/**
 * The REST calls the app makes, as one narrow interface, so views and stores name what they need and the
 * implementation (rest-api.ts, on the project's typed client) is the only place that knows the routes.
 */
import type { Chat, Member, Message, MessagePage, Notification, UserProfile } from '@chat/core';

export interface ChatApi {
  getMe(): Promise<UserProfile>;
  createProfile(displayName: string): Promise<UserProfile>;
  getUser(uid: string): Promise<UserProfile>;
  listChats(): Promise<Chat[]>;
  getChat(chatId: string): Promise<Chat>;
  openDirect(memberId: string): Promise<Chat>;
  createGroup(title: string, memberIds: string[]): Promise<Chat>;
  renameChat(chatId: string, title: string): Promise<Chat>;
  listMembers(chatId: string): Promise<Member[]>;
  addMember(chatId: string, uid: string): Promise<void>;
  removeMember(chatId: string, uid: string): Promise<void>;
  leave(chatId: string): Promise<void>;
  /** The latest page without `before`; the page just older than it with. Oldest first. */
  listMessages(chatId: string, before?: string): Promise<MessagePage>;
  editMessage(chatId: string, messageId: string, text: string): Promise<Message>;
  deleteMessage(chatId: string, messageId: string): Promise<void>;
  markRead(chatId: string, messageId: string): Promise<void>;
  listNotifications(): Promise<Notification[]>;
  markNotificationRead(notificationId: string): Promise<void>;
  markAllNotificationsRead(): Promise<void>;
}

/** The API's error envelope, kept whole so views can show its message and wait out a 429. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds, from `Retry-After` on a 429. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

/** A sentence for the user, from whatever a call threw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}
