import { Chat, ChatPage, ChatParams, CreateChatBody, ListChatsQuery, UpdateChatBody } from '@chat/core';
import { defineRoute, noContent } from './api-route';

/**
 * Chats. `POST /chats` answers 201 when it created the chat and 200 when a direct chat already existed
 * (opening a direct chat is idempotent: same two users, same chat).
 */
export const chatRoutes = [
  defineRoute({
    method: 'post',
    path: '/chats',
    summary: 'Open a direct chat or create a group',
    tag: 'chats',
    auth: 'user',
    request: { body: CreateChatBody },
    responses: {
      201: { description: 'Created.', body: Chat },
      200: { description: 'The direct chat with that user already existed.', body: Chat },
    },
    errors: [404, 412],
    handler: async ({ caller, body }, { services }) => {
      const { chat, created } = await services.chats.create(caller, body);
      return { status: created ? 201 : 200, location: `/chats/${chat.id}`, body: chat };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/chats',
    summary: "The caller's chats, newest activity first",
    tag: 'chats',
    auth: 'user',
    request: { query: ListChatsQuery },
    responses: { 200: { description: 'One page.', body: ChatPage } },
    handler: async ({ caller, query }, { services }) => ({
      status: 200,
      body: await services.chats.listMine(caller, query),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/chats/:chatId',
    summary: 'One chat (404 for non-members)',
    tag: 'chats',
    auth: 'user',
    request: { params: ChatParams },
    responses: { 200: { description: 'The chat.', body: Chat } },
    errors: [404],
    handler: async ({ caller, params }, { services }) => ({
      status: 200,
      body: await services.chats.get(caller, params.chatId),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/chats/:chatId',
    summary: 'Rename a group (admins and the owner)',
    tag: 'chats',
    auth: 'user',
    request: { params: ChatParams, body: UpdateChatBody },
    responses: { 200: { description: 'The renamed chat.', body: Chat } },
    errors: [403, 404],
    handler: async ({ caller, params, body }, { services }) => ({
      status: 200,
      body: await services.chats.rename(caller, params.chatId, body),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/chats/:chatId',
    summary: 'Delete a chat: a direct chat for the caller only, a group for everyone (its owner)',
    tag: 'chats',
    auth: 'user',
    request: { params: ChatParams },
    responses: noContent,
    errors: [403, 404],
    handler: async ({ caller, params }, { services }) => {
      await services.chats.delete(caller, params.chatId);
      return { status: 204 };
    },
  }),
];
