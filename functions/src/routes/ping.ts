import { checkFirestore, Ping } from '@chat/core';
import { defineRoute } from './api-route';

/** `GET /ping`: liveness plus Firestore reachability; 503 when Firestore does not answer. */
export const pingRoutes = [
  defineRoute({
    method: 'get',
    path: '/ping',
    summary: 'Liveness and Firestore reachability',
    tag: 'health',
    auth: 'none',
    responses: {
      200: { description: 'Up, and Firestore answered.', body: Ping },
      503: { description: 'Up, but Firestore did not answer within 2 s.', body: Ping },
    },
    handler: async (_input, { db, config }) => {
      const firestore = await checkFirestore(db);
      return {
        status: firestore.reachable ? 200 : 503,
        body: {
          status: firestore.reachable ? 'ok' : 'degraded',
          env: config.env,
          time: new Date().toISOString(),
          firestore,
        },
      };
    },
  }),
];
