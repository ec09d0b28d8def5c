import { ChatParams, MarkReadBody, Member, UnreadCounts } from '@chat/core';
import { defineRoute } from './api-route';

/** Read positions: mark a chat read up to a message; the unread count of every chat of the caller. */
export const readStateRoutes = [
  defineRoute({
    method: 'post',
    path: '/chats/:chatId/read',
    summary: 'Mark the chat read up to a message',
    tag: 'read state',
    auth: 'user',
    request: { params: ChatParams, body: MarkReadBody },
    responses: { 200: { description: "The caller's member record.", body: Member } },
    errors: [404],
    handler: async ({ caller, params, body }, { services }) => ({
      status: 200,
      body: await services.readState.markRead(caller, params.chatId, body),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/unread-counts',
    summary: 'Unread messages per chat, and the total',
    tag: 'read state',
    auth: 'user',
    responses: { 200: { description: 'The counts.', body: UnreadCounts } },
    handler: async ({ caller }, { services }) => ({
      status: 200,
      body: await services.readState.unreadCounts(caller),
    }),
  }),
];
