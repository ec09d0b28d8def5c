import {
  ChatParams,
  EditMessageBody,
  ListMessagesQuery,
  Message,
  MessagePage,
  MessageParams,
  SendMessageBody,
  SendMessageHeaders,
} from '@chat/core';
import { defineRoute, noContent } from './api-route';

/**
 * Messages of a chat. A send answers 201 when it stored the message and 200, with
 * `Idempotent-Replayed: true`, when an idempotency key matched a message stored before: the body is
 * then that original message.
 */
export const messageRoutes = [
  defineRoute({
    method: 'get',
    path: '/chats/:chatId/messages',
    summary: 'Messages, oldest first, paged with before/after cursors',
    tag: 'messages',
    auth: 'user',
    request: { params: ChatParams, query: ListMessagesQuery },
    responses: { 200: { description: 'One page.', body: MessagePage } },
    errors: [404],
    handler: async ({ caller, params, query }, { services }) => ({
      status: 200,
      body: await services.messages.list(caller, params.chatId, query),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/chats/:chatId/messages',
    summary: 'Send a message (idempotent with Idempotency-Key or clientMessageId)',
    tag: 'messages',
    auth: 'user',
    request: { params: ChatParams, headers: SendMessageHeaders, body: SendMessageBody },
    responses: {
      201: { description: 'Stored.', body: Message },
      200: {
        description: 'A retry: the original message (header Idempotent-Replayed: true).',
        body: Message,
      },
    },
    errors: [404],
    handler: async ({ caller, params, headers, body }, { services }) => {
      const { message, created, rateLimit } = await services.messages.send(caller, params.chatId, body, {
        idempotencyKey: headers['Idempotency-Key'],
      });
      return {
        status: created ? 201 : 200,
        rateLimit,
        location: `/chats/${params.chatId}/messages/${message.id}`,
        ...(created ? {} : { headers: { 'Idempotent-Replayed': 'true' } }),
        body: message,
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/chats/:chatId/messages/:messageId',
    summary: 'One message',
    tag: 'messages',
    auth: 'user',
    request: { params: MessageParams },
    responses: { 200: { description: 'The message.', body: Message } },
    errors: [404],
    handler: async ({ caller, params }, { services }) => ({
      status: 200,
      body: await services.messages.get(caller, params.chatId, params.messageId),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/chats/:chatId/messages/:messageId',
    summary: 'Edit your own message',
    tag: 'messages',
    auth: 'user',
    request: { params: MessageParams, body: EditMessageBody },
    responses: { 200: { description: 'The edited message.', body: Message } },
    errors: [403, 404, 412],
    handler: async ({ caller, params, body }, { services }) => ({
      status: 200,
      body: await services.messages.edit(caller, params.chatId, params.messageId, body),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/chats/:chatId/messages/:messageId',
    summary: 'Delete a message (yours, or any as a chat admin): leaves a tombstone',
    tag: 'messages',
    auth: 'user',
    request: { params: MessageParams },
    responses: noContent,
    errors: [403, 404],
    handler: async ({ caller, params }, { services }) => {
      await services.messages.delete(caller, params.chatId, params.messageId);
      return { status: 204 };
    },
  }),
];
