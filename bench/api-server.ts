/**
 * The servers bench/api.ts measures, in a process of their own so the load generator does not share
 * their event loop. Each listens on port 0 and reports its port:
 *   - `api`: the exact app (`createApp`), rate limits off;
 *   - `api-limited`: the exact app with the Firestore-backed rate limits on (limits too high to be hit) as
 *     deployed: each instance counts locally and reconciles in batches (RATE_LIMIT_SLACK_PERCENT 5);
 *   - `api-limited-exact`: the same with every request counted in Firestore before it is answered
 *     (RATE_LIMIT_SLACK_PERCENT 0), to show what that costs per request;
 *   - `bare`: a bare Express app doing the same Firestore read and write, with no auth, no validation and
 *     no service layer: the baseline.
 * Answers `{ type: 'ready', ports }` over IPC; exits on `{ type: 'stop' }`.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { FieldPath, FieldValue, getFirestore, type Timestamp } from 'firebase-admin/firestore';
import { createApp } from '../functions/src/app';
import { parseConfig } from '../functions/src/config';

const firebase = initializeApp({ projectId: process.env.GCLOUD_PROJECT });
const db = getFirestore(firebase);
const auth = getAuth(firebase);
const base = { APP_ENV: 'test', CORS_ORIGINS: [] };
const quiet = () => undefined;

function bare(): express.Express {
  const app = express();
  app.use(express.json());
  const messages = (chatId: string) => db.collection('chats').doc(chatId).collection('messages');
  app.get('/chats/:chatId/messages', async (req, res) => {
    const snapshot = await messages(req.params.chatId)
      .orderBy('createdAt', 'desc')
      .orderBy(FieldPath.documentId(), 'desc')
      .limit(21)
      .get();
    res.json({
      messages: snapshot.docs.slice(0, 20).map((doc) => ({
        id: doc.id,
        ...doc.data(),
        createdAt: (doc.get('createdAt') as Timestamp).toDate().toISOString(),
      })),
    });
  });
  app.post('/chats/:chatId/messages', async (req, res) => {
    const body = req.body as { text: string };
    const ref = messages(req.params.chatId).doc();
    const data = {
      senderId: 'bench',
      text: body.text,
      createdAt: FieldValue.serverTimestamp(),
      editedAt: null,
      deletedAt: null,
      replyToId: null,
      clientMessageId: null,
    };
    const result = await ref.create(data);
    res.status(201).json({ id: ref.id, ...data, createdAt: result.writeTime.toDate().toISOString() });
  });
  return app;
}

function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** The exact app with every limiter on, too high to be hit, each instance admitting `slackPercent` unseen. */
function limitedApp(slackPercent: number): express.Express {
  return createApp({
    config: parseConfig({
      ...base,
      RATE_LIMIT_PER_IP: 1_000_000,
      RATE_LIMIT_PER_USER: 1_000_000,
      RATE_LIMIT_SENDS_PER_USER: 1_000_000,
      RATE_LIMIT_SLACK_PERCENT: slackPercent,
    }),
    db,
    auth,
    log: quiet,
  });
}

async function main(): Promise<void> {
  const servers = {
    api: await listen(createApp({ config: parseConfig(base), db, auth, log: quiet })),
    'api-limited': await listen(limitedApp(5)),
    'api-limited-exact': await listen(limitedApp(0)),
    bare: await listen(bare()),
  };
  const ports = Object.fromEntries(
    Object.entries(servers).map(([name, server]) => [name, (server.address() as AddressInfo).port]),
  );
  process.on('message', (message: { type: string }) => {
    if (message.type !== 'stop') return;
    for (const server of Object.values(servers)) server.close();
    process.exit(0);
  });
  process.send?.({ type: 'ready', ports });
}

void main();
