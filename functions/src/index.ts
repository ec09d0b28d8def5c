/**
 * Entry point of the Cloud Functions codebase: it only wires HTTP and Firestore events to named handlers.
 * Configuration is read and validated in `onInit`, at cold start, so a bad setting stops the instance
 * with a message naming it, and `firebase deploy` never evaluates params too early.
 */
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { onInit } from 'firebase-functions/v2';
import { onRequest } from 'firebase-functions/v2/https';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { logger } from 'firebase-functions';
import type { Express } from 'express';
import { createServices, type LogSink } from '@chat/core';
import { loadConfig, REGION } from './config';
import { createApp } from './app';
import { createLogs } from './logs';
import { onUserCreated } from './triggers/user-created';
import { onMessageCreated } from './triggers/message-created';
import { onMemberAdded } from './triggers/member-added';

initializeApp();
const db = getFirestore();
const log: LogSink = (entry) => logger.write(entry);
const services = createServices(db);
const logs = createLogs(log);
let app: Express | undefined;

onInit(() => {
  const config = loadConfig();
  logs.configLoaded(config);
  app = createApp({ config, db, auth: getAuth(), log, projectId: process.env.GCLOUD_PROJECT });
});

/**
 * The REST API: `https://<region>-<project>.cloudfunctions.net/api/...`. CORS is the app's own middleware
 * (config.corsOrigins), one policy for tests, the emulator and production; a `cors` option here would answer
 * preflights before the app and without the local profile's loopback origins.
 */
export const api = onRequest({ region: REGION }, (req, res) => {
  if (!app) throw new Error('The API app was not built: onInit did not run.');
  app(req, res);
});

export const userCreated = onDocumentCreated({ document: 'users/{uid}', region: REGION }, (event) =>
  onUserCreated(services, event),
);

/** Retried on failure: the handlers claim their work with deterministic ids, so a redelivery is harmless. */
const fanOutOptions = { region: REGION, retry: true, timeoutSeconds: 300, memory: '512MiB' } as const;

export const messageCreated = onDocumentCreated(
  { ...fanOutOptions, document: 'chats/{chatId}/messages/{messageId}' },
  async (event) =>
    logs.triggerDone('messageCreated', event.id, { ...(await onMessageCreated(services, event)) }),
);

export const memberAdded = onDocumentCreated(
  { ...fanOutOptions, document: 'chats/{chatId}/members/{uid}' },
  async (event) =>
    logs.triggerDone('memberAdded', event.id, { notified: await onMemberAdded(services, event) }),
);
