import { Router, type RequestHandler } from 'express';
import { ChatParams, MarkReadBody, parseInput, type Services } from '@chat/core';
import { callerOf } from '../http/require-auth';

/** Read positions: mark a chat read up to a message; the unread count of every chat of the caller. */
export function readStateRoutes(services: Services, requireAuth: RequestHandler): Router {
  const router = Router();

  router.post('/chats/:chatId/read', requireAuth, async (req, res) => {
    const { chatId } = parseInput(ChatParams, req.params, 'path');
    const body = parseInput(MarkReadBody, req.body);
    res.json(await services.readState.markRead(callerOf(req), chatId, body));
  });

  router.get('/unread-counts', requireAuth, async (req, res) => {
    res.json(await services.readState.unreadCounts(callerOf(req)));
  });

  return router;
}
