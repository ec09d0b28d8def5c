import { Router, type RequestHandler } from 'express';
import { CreateUserBody, ListUsersQuery, parseInput, Uid, UpdateUserBody, type Services } from '@chat/core';
import { callerOf } from '../http/require-auth';

/** Profiles. Every route is behind `requireAuth`; the uid always comes from the token. */
export function userRoutes(services: Services, requireAuth: RequestHandler): Router {
  const router = Router();
  router.use('/users', requireAuth);

  router.post('/users', async (req, res) => {
    const body = parseInput(CreateUserBody, req.body);
    res.status(201).json(await services.users.createProfile(callerOf(req), body));
  });

  router.get('/users', async (req, res) => {
    const query = parseInput(ListUsersQuery, req.query, 'query');
    res.json(await services.users.listUsers(callerOf(req), query));
  });

  router.get('/users/me', async (req, res) => {
    res.json(await services.users.getMe(callerOf(req)));
  });

  router.patch('/users/me', async (req, res) => {
    const body = parseInput(UpdateUserBody, req.body);
    res.json(await services.users.updateMe(callerOf(req), body));
  });

  router.get('/users/:uid', async (req, res) => {
    const uid = parseInput(Uid, req.params.uid, 'uid');
    res.json(await services.users.getUser(callerOf(req), uid));
  });

  return router;
}
