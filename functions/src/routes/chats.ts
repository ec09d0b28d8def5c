import { Router, type RequestHandler } from 'express';
import {
  ChatParams,
  CreateChatBody,
  ListChatsQuery,
  parseInput,
  UpdateChatBody,
  type Services,
} from '@chat/core';
import { callerOf } from '../http/require-auth';

/**
 * Chats. `POST /chats` answers 201 when it created the chat and 200 when a direct chat already existed
 * (opening a direct chat is idempotent: same two users, same chat).
 */
export function chatRoutes(services: Services, requireAuth: RequestHandler): Router {
  const router = Router();
  router.post('/chats', requireAuth, async (req, res) => {
    const body = parseInput(CreateChatBody, req.body);
    const { chat, created } = await services.chats.create(callerOf(req), body);
    res
      .status(created ? 201 : 200)
      .location(`/chats/${chat.id}`)
      .json(chat);
  });

  router.get('/chats', requireAuth, async (req, res) => {
    const query = parseInput(ListChatsQuery, req.query, 'query');
    res.json(await services.chats.listMine(callerOf(req), query));
  });

  router.get('/chats/:chatId', requireAuth, async (req, res) => {
    const { chatId } = parseInput(ChatParams, req.params, 'path');
    res.json(await services.chats.get(callerOf(req), chatId));
  });

  router.patch('/chats/:chatId', requireAuth, async (req, res) => {
    const { chatId } = parseInput(ChatParams, req.params, 'path');
    const body = parseInput(UpdateChatBody, req.body);
    res.json(await services.chats.rename(callerOf(req), chatId, body));
  });

  router.delete('/chats/:chatId', requireAuth, async (req, res) => {
    const { chatId } = parseInput(ChatParams, req.params, 'path');
    await services.chats.delete(callerOf(req), chatId);
    res.status(204).end();
  });

  return router;
}
