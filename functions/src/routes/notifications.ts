import { Router, type RequestHandler } from 'express';
import { ListNotificationsQuery, NotificationParams, parseInput, type Services } from '@chat/core';
import { callerOf } from '../http/require-auth';

/** The caller's inbox. */
export function notificationRoutes(services: Services, requireAuth: RequestHandler): Router {
  const router = Router();
  router.get('/notifications', requireAuth, async (req, res) => {
    const query = parseInput(ListNotificationsQuery, req.query, 'query');
    res.json(await services.notifications.list(callerOf(req), query));
  });

  router.post('/notifications/read-all', requireAuth, async (req, res) => {
    res.json(await services.notifications.markAllRead(callerOf(req)));
  });

  router.post('/notifications/:notificationId/read', requireAuth, async (req, res) => {
    const { notificationId } = parseInput(NotificationParams, req.params, 'path');
    res.json(await services.notifications.markRead(callerOf(req), notificationId));
  });

  return router;
}
