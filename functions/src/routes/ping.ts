import { Router } from 'express';
import type { Firestore } from 'firebase-admin/firestore';
import { checkFirestore, type Ping } from '@chat/core';
import type { Logs } from '../logs';

/**
 * `GET /ping`: liveness plus Firestore reachability; 503 when Firestore does not answer. Unauthenticated,
 * so it says only ok or degraded; the reason is logged.
 */
export function pingRoutes(db: Firestore, logs: Logs): Router {
  const router = Router();
  router.get('/ping', async (_req, res) => {
    const firestore = await checkFirestore(db);
    if (!firestore.reachable) logs.healthDegraded(firestore);
    const body: Ping = { status: firestore.reachable ? 'ok' : 'degraded' };
    res.status(firestore.reachable ? 200 : 503).json(body);
  });
  return router;
}
