import { Router, type RequestHandler } from 'express';
import {
  AddMemberBody,
  ChatParams,
  ListMembersQuery,
  MemberParams,
  parseInput,
  UpdateMemberBody,
  type Services,
} from '@chat/core';
import { callerOf } from '../http/require-auth';

/** Members of a chat: list, add, change (role, muted), remove, and leave. */
export function memberRoutes(services: Services, requireAuth: RequestHandler): Router {
  const router = Router();
  router.get('/chats/:chatId/members', requireAuth, async (req, res) => {
    const { chatId } = parseInput(ChatParams, req.params, 'path');
    const query = parseInput(ListMembersQuery, req.query, 'query');
    res.json(await services.members.list(callerOf(req), chatId, query));
  });

  router.post('/chats/:chatId/members', requireAuth, async (req, res) => {
    const { chatId } = parseInput(ChatParams, req.params, 'path');
    const body = parseInput(AddMemberBody, req.body);
    const member = await services.members.add(callerOf(req), chatId, body);
    res.status(201).location(`/chats/${chatId}/members/${member.uid}`).json(member);
  });

  router.patch('/chats/:chatId/members/:uid', requireAuth, async (req, res) => {
    const { chatId, uid } = parseInput(MemberParams, req.params, 'path');
    const body = parseInput(UpdateMemberBody, req.body);
    res.json(await services.members.update(callerOf(req), chatId, uid, body));
  });

  router.delete('/chats/:chatId/members/:uid', requireAuth, async (req, res) => {
    const { chatId, uid } = parseInput(MemberParams, req.params, 'path');
    await services.members.remove(callerOf(req), chatId, uid);
    res.status(204).end();
  });

  router.post('/chats/:chatId/leave', requireAuth, async (req, res) => {
    const { chatId } = parseInput(ChatParams, req.params, 'path');
    await services.members.leave(callerOf(req), chatId);
    res.status(204).end();
  });

  return router;
}
