/**
 * ChatApi on the project's typed REST client (`@chat/client`, openapi-fetch over the API's OpenAPI
 * document): every path, parameter and body is checked against the API's own contract at compile time.
 * The client throws the API's error envelope as ApiError; a 429 is retried once after `Retry-After`.
 */
import { ApiError, createApiClient } from '@chat/client';
import type { ChatApi } from './api';

/** At most this long a 429's `Retry-After` is waited out before the one retry, so the UI never hangs. */
const MAX_RETRY_WAIT_S = 30;

/** The call's data; a 429 is retried once after `Retry-After`, every other error reaches the caller. */
async function unwrap<T>(call: () => Promise<{ data?: T }>): Promise<T> {
  try {
    return (await call()).data as T;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 429) throw error;
    await new Promise((resolve) => setTimeout(resolve, Math.min(error.retryAfter ?? 1, MAX_RETRY_WAIT_S) * 1000));
    return (await call()).data as T;
  }
}

export function createRestApi(baseUrl: string, getToken: () => Promise<string>): ChatApi {
  const client = createApiClient({ baseUrl, getIdToken: getToken });
  const chat = (chatId: string) => ({ params: { path: { chatId } } });
  return {
    getMe: () => unwrap(() => client.GET('/users/me')),
    createProfile: (displayName) => unwrap(() => client.POST('/users', { body: { displayName } })),
    getUser: (uid) => unwrap(() => client.GET('/users/{uid}', { params: { path: { uid } } })),
    listChats: async () => (await unwrap(() => client.GET('/chats', { params: { query: { limit: 100 } } }))).chats,
    getChat: (chatId) => unwrap(() => client.GET('/chats/{chatId}', chat(chatId))),
    openDirect: (memberId) => unwrap(() => client.POST('/chats', { body: { type: 'direct', memberId } })),
    createGroup: (title, memberIds) =>
      unwrap(() => client.POST('/chats', { body: { type: 'group', title, memberIds } })),
    renameChat: (chatId, title) => unwrap(() => client.PATCH('/chats/{chatId}', { ...chat(chatId), body: { title } })),
    listMembers: async (chatId) =>
      (await unwrap(() => client.GET('/chats/{chatId}/members', { params: { path: { chatId }, query: { limit: 100 } } })))
        .members,
    addMember: async (chatId, uid) => {
      await unwrap(() => client.POST('/chats/{chatId}/members', { ...chat(chatId), body: { uid, role: 'member' } }));
    },
    removeMember: async (chatId, uid) => {
      await unwrap(() => client.DELETE('/chats/{chatId}/members/{uid}', { params: { path: { chatId, uid } } }));
    },
    leave: async (chatId) => {
      await unwrap(() => client.POST('/chats/{chatId}/leave', chat(chatId)));
    },
    listMessages: (chatId, before) =>
      unwrap(() =>
        client.GET('/chats/{chatId}/messages', {
          params: { path: { chatId }, query: { limit: 50, ...(before ? { before } : {}) } },
        }),
      ),
    editMessage: (chatId, messageId, text) =>
      unwrap(() =>
        client.PATCH('/chats/{chatId}/messages/{messageId}', { params: { path: { chatId, messageId } }, body: { text } }),
      ),
    deleteMessage: async (chatId, messageId) => {
      await unwrap(() => client.DELETE('/chats/{chatId}/messages/{messageId}', { params: { path: { chatId, messageId } } }));
    },
    markRead: async (chatId, messageId) => {
      await unwrap(() => client.POST('/chats/{chatId}/read', { ...chat(chatId), body: { messageId } }));
    },
    listNotifications: async () =>
      (await unwrap(() => client.GET('/notifications', { params: { query: { limit: 50 } } }))).notifications,
    markNotificationRead: async (notificationId) => {
      await unwrap(() => client.POST('/notifications/{notificationId}/read', { params: { path: { notificationId } } }));
    },
    markAllNotificationsRead: async () => {
      await unwrap(() => client.POST('/notifications/read-all'));
    },
  };
}
