import { Router, type RequestHandler } from 'express';
import { AdminUserParams, parseInput, SetDisabledBody, type AccountService } from '@chat/core';
import { callerOf } from '../http/require-auth';

/**
 * What app admins do to accounts. Each change goes to Firebase Auth (so the next request is refused) and
 * to a revocation record that every relay instance listens to (so live sockets close within seconds).
 */
export function adminRoutes(accounts: AccountService, requireAuth: RequestHandler): Router {
  const router = Router();
  router.use('/admin', requireAuth);

  router.post('/admin/users/:uid/revoke', async (req, res) => {
    const { uid } = parseInput(AdminUserParams, req.params, 'path');
    res.json(await accounts.revokeSessions(callerOf(req), uid));
  });

  router.post('/admin/users/:uid/disable', async (req, res) => {
    const { uid } = parseInput(AdminUserParams, req.params, 'path');
    const body = parseInput(SetDisabledBody, req.body);
    res.json(await accounts.setDisabled(callerOf(req), uid, body.disabled));
  });

  return router;
}
