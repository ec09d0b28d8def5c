/**
 * ChatApi on the project's typed REST client (`@chat/client`, openapi-fetch over the API's OpenAPI
 * document): every path, parameter and body is checked against the API's own contract at compile time.
 * Errors become ApiError with the envelope's code and message; a 429 is retried once after `Retry-After`.
 */
import { createApiClient } from '@chat/client';
import type { ChatApi } from './api';
import { ApiError } from './api';

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The envelope's `error`, or a generic one for an answer without it. */
function toApiError(response: Response, body: unknown): ApiError {
  const envelope = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(
    response.status,
    envelope?.code ?? 'unknown',
    envelope?.message ?? `The API answered ${response.status}.`,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

async function unwrap<T>(call: () => Promise<Answer<T>>): Promise<T> {
  let answer = await call();
  if (answer.response.status === 429) {
    const error = toApiError(answer.response, answer.error);
    // Wait as long as the API asks (capped, so the UI never hangs), then try once more.
    await new Promise((resolve) => setTimeout(resolve, Math.min(error.retryAfter ?? 1, 30) * 1000));
    answer = await call();
  }
  if (answer.error !== undefined || !answer.response.ok) throw toApiError(answer.response, answer.error);
  return answer.data as T;
}

export function createRestApi(baseUrl: string, getToken: () => Promise<string>): ChatApi {
  const client = createApiClient({ baseUrl, getToken });
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
