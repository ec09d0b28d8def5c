import { Router, type RequestHandler } from 'express';
import {
  ChatParams,
  EditMessageBody,
  ListMessagesQuery,
  MessageParams,
  parseInput,
  SendMessageBody,
  SendMessageHeaders,
  type Services,
} from '@chat/core';
import { setRateLimitHeaders } from '../http/rate-limit';
import { callerOf } from '../http/require-auth';

/**
 * Messages of a chat. A send answers 201 when it stored the message and 200, with
 * `Idempotent-Replayed: true`, when an idempotency key matched a message stored before: the body is
 * then that original message.
 */
export function messageRoutes(services: Services, requireAuth: RequestHandler): Router {
  const router = Router();
  router.get('/chats/:chatId/messages', requireAuth, async (req, res) => {
    const { chatId } = parseInput(ChatParams, req.params, 'path');
    const query = parseInput(ListMessagesQuery, req.query, 'query');
    res.json(await services.messages.list(callerOf(req), chatId, query));
  });

  router.post('/chats/:chatId/messages', requireAuth, async (req, res) => {
    const { chatId } = parseInput(ChatParams, req.params, 'path');
    const headers = parseInput(
      SendMessageHeaders,
      { 'Idempotency-Key': req.get('idempotency-key') },
      'headers',
    );
    const body = parseInput(SendMessageBody, req.body);
    const { message, created, rateLimit } = await services.messages.send(callerOf(req), chatId, body, {
      idempotencyKey: headers['Idempotency-Key'],
    });
    setRateLimitHeaders(res, rateLimit);
    if (!created) res.set('Idempotent-Replayed', 'true');
    res
      .status(created ? 201 : 200)
      .location(`/chats/${chatId}/messages/${message.id}`)
      .json(message);
  });

  router.get('/chats/:chatId/messages/:messageId', requireAuth, async (req, res) => {
    const { chatId, messageId } = parseInput(MessageParams, req.params, 'path');
    res.json(await services.messages.get(callerOf(req), chatId, messageId));
  });

  router.patch('/chats/:chatId/messages/:messageId', requireAuth, async (req, res) => {
    const { chatId, messageId } = parseInput(MessageParams, req.params, 'path');
    const body = parseInput(EditMessageBody, req.body);
    res.json(await services.messages.edit(callerOf(req), chatId, messageId, body));
  });

  router.delete('/chats/:chatId/messages/:messageId', requireAuth, async (req, res) => {
    const { chatId, messageId } = parseInput(MessageParams, req.params, 'path');
    await services.messages.delete(callerOf(req), chatId, messageId);
    res.status(204).end();
  });

  return router;
}
