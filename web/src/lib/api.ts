/**
 * The REST calls the app makes, as one narrow interface, so views and stores name what they need and the
 * implementation (rest-api.ts, on the project's typed client) is the only place that knows the routes.
 */
import { ApiError, RelayError, type Chat, type Member, type Message, type MessagePage, type Notification, type UserProfile, type UserView } from '@chat/client';

export interface ChatApi {
  getMe(): Promise<UserProfile>;
  createProfile(displayName: string): Promise<UserProfile>;
  /** Another user's profile: without their email unless it is the caller's own or the caller is an admin. */
  getUser(uid: string): Promise<UserView>;
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

/** A sentence for the user, from whatever a call threw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    return fields ? `${error.message} (${fields})` : error.message;
  }
  if (error instanceof RelayError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}
