import {
  AdminChat,
  AdminChatPage,
  AdminChatParams,
  ListMembersQuery,
  ListMessagesQuery,
  MemberPage,
  MemberParams,
  MessagePage,
  MessageParams,
  SearchChatsQuery,
} from '@chat/core';
import { defineRoute, noContent } from './api-route';
import { adminCaller } from './admin-caller';

/** Admin: every chat, its members and history, and moderation. Admin claim required. */
export const adminChatRoutes = [
  defineRoute({
    method: 'get',
    path: '/admin/chats',
    summary: 'Search chats by title prefix or member, or page through all (admins only)',
    tag: 'admin',
    auth: 'admin',
    request: { query: SearchChatsQuery },
    responses: { 200: { description: 'One page.', body: AdminChatPage } },
    errors: [403],
    handler: async (input, { services }) => ({
      status: 200,
      body: await services.admin.searchChats(adminCaller(input), input.query),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/chats/:chatId',
    summary: 'Any chat (admins only)',
    tag: 'admin',
    auth: 'admin',
    request: { params: AdminChatParams },
    responses: { 200: { description: 'The chat.', body: AdminChat } },
    errors: [403, 404],
    handler: async (input, { services }) => ({
      status: 200,
      body: await services.admin.getChat(adminCaller(input), input.params.chatId),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/admin/chats/:chatId',
    summary:
      'Hard-delete any chat: gone at once, its history deleted in the background (admins only; audited)',
    tag: 'admin',
    auth: 'admin',
    request: { params: AdminChatParams },
    responses: noContent,
    errors: [403, 404],
    handler: async (input, { services }) => {
      await services.admin.deleteChat(adminCaller(input), input.params.chatId);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/admin/chats/:chatId/members',
    summary: "Any chat's members, in uid order (admins only)",
    tag: 'admin',
    auth: 'admin',
    request: { params: AdminChatParams, query: ListMembersQuery },
    responses: { 200: { description: 'One page.', body: MemberPage } },
    errors: [403, 404],
    handler: async ({ caller, params, query }, { services }) => ({
      status: 200,
      body: await services.members.list(caller, params.chatId, query),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/admin/chats/:chatId/members/:uid',
    summary: 'Remove a member from any group (admins only; audited)',
    tag: 'admin',
    auth: 'admin',
    request: { params: MemberParams },
    responses: noContent,
    errors: [403, 404, 412],
    handler: async (input, { services }) => {
      await services.admin.removeMember(adminCaller(input), input.params.chatId, input.params.uid);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/admin/chats/:chatId/messages',
    summary: "Any chat's messages, in cursor pages (admins only)",
    tag: 'admin',
    auth: 'admin',
    request: { params: AdminChatParams, query: ListMessagesQuery },
    responses: { 200: { description: 'One page, oldest first.', body: MessagePage } },
    errors: [403, 404],
    handler: async ({ caller, params, query }, { services }) => ({
      status: 200,
      body: await services.messages.list(caller, params.chatId, query),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/admin/chats/:chatId/messages/:messageId',
    summary: 'Remove a message as moderator: a tombstone marked `moderated` (admins only; audited)',
    tag: 'admin',
    auth: 'admin',
    request: { params: MessageParams },
    responses: noContent,
    errors: [403, 404, 412],
    handler: async (input, { services }) => {
      await services.admin.moderateMessage(adminCaller(input), input.params.chatId, input.params.messageId);
      return { status: 204 };
    },
  }),
];
