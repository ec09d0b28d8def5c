import { Router } from 'express';
import type { Firestore } from 'firebase-admin/firestore';
import { checkFirestore, type Ping } from '@chat/core';
import type { AppConfig } from '../config';

/** `GET /ping`: liveness plus Firestore reachability; 503 when Firestore does not answer. */
export function pingRoutes(db: Firestore, config: AppConfig): Router {
  const router = Router();
  router.get('/ping', async (_req, res) => {
    const firestore = await checkFirestore(db);
    const body: Ping = {
      status: firestore.reachable ? 'ok' : 'degraded',
      env: config.env,
      time: new Date().toISOString(),
      firestore,
    };
    res.status(firestore.reachable ? 200 : 503).json(body);
  });
  return router;
}
