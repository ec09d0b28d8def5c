import { checkFirestore, Ping } from '@chat/core';
import { defineRoute } from './api-route';

/**
 * `GET /ping`: liveness plus Firestore reachability; 503 when Firestore does not answer. Unauthenticated,
 * so it says only ok or degraded; the reason is logged.
 */
export const pingRoutes = [
  defineRoute({
    method: 'get',
    path: '/ping',
    summary: 'Liveness and Firestore reachability',
    tag: 'health',
    auth: 'none',
    responses: {
      200: { description: 'Up, and Firestore answered.', body: Ping },
      503: { description: 'Up, but Firestore did not answer within 2 s (why: the logs).', body: Ping },
    },
    handler: async (_input, { db, logs }) => {
      const firestore = await checkFirestore(db);
      if (!firestore.reachable) {
        logs.healthDegraded(firestore);
        return { status: 503, body: { status: 'degraded' } };
      }
      return { status: 200, body: { status: 'ok' } };
    },
  }),
];
