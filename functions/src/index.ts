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
import { CORS_ORIGINS, loadConfig, REGION } from './config';
import { createApp } from './app';
import { createLogs } from './logs';
import { onUserCreated } from './triggers/user-created';

initializeApp();
const db = getFirestore();
const log: LogSink = (entry) => logger.write(entry);
const services = createServices(db);
let app: Express | undefined;

onInit(() => {
  const config = loadConfig();
  createLogs(log).configLoaded(config);
  app = createApp({ config, db, auth: getAuth(), log, projectId: process.env.GCLOUD_PROJECT });
});

/** The REST API: `https://<region>-<project>.cloudfunctions.net/api/...`. */
export const api = onRequest({ region: REGION, cors: CORS_ORIGINS }, (req, res) => {
  if (!app) throw new Error('The API app was not built: onInit did not run.');
  app(req, res);
});

export const userCreated = onDocumentCreated({ document: 'users/{uid}', region: REGION }, (event) =>
  onUserCreated(services, event),
);
