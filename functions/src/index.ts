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
import {
  CachedTokenVerifier,
  createServices,
  RevocationRepository,
  type LogSink,
  type Services,
} from '@chat/core';
import { loadConfig, loadProjectId, REGION } from './config';
import { createApp } from './app';
import { createLogs } from './logs';
import { onUserCreated } from './triggers/user-created';
import { onMessageCreated } from './triggers/message-created';
import { onMemberAdded } from './triggers/member-added';
import { onAnnouncementCreated } from './triggers/announcement-created';
import { onChatDeletionRequested } from './triggers/chat-deletion-requested';

initializeApp();
const db = getFirestore();
const log: LogSink = (entry) => logger.write(entry);
const logs = createLogs(log);
// One Services graph per instance, built in onInit with the config's send limit and shared by the API and
// the triggers (the limit remembers locally who is over it).
let services: Services | undefined;
// Every function is deployed as its own service running this file, so the API's parts (its app, the token
// cache and the revocation listener that keeps it fresh) are built by the api function's first request,
// not in every trigger instance that would never use them.
let buildApp: (() => Express) | undefined;
let app: Express | undefined;

onInit(() => {
  const config = loadConfig();
  logs.configLoaded(config);
  const auth = getAuth();
  const shared = createServices(db, auth, { limits: config.rateLimits, log });
  services = shared;
  buildApp = () => {
    const tokens = new CachedTokenVerifier(auth);
    watchRevocations(tokens);
    return createApp({ config, db, auth, log, projectId: loadProjectId(), services: shared, tokens });
  };
});

/**
 * Every instance forgets a user's cached account state as soon as an admin's revocation record arrives; a
 * broken listener is logged and opened again (meanwhile the cache's few seconds still bound it).
 */
function watchRevocations(tokens: CachedTokenVerifier): void {
  tokens.watch(new RevocationRepository(db), (error) => {
    logs.revocationWatchFailed(error);
    setTimeout(() => watchRevocations(tokens), 5000).unref();
  });
}

function built<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The ${what} was not built: onInit did not run.`);
  return value;
}

/**
 * The REST API: `https://<region>-<project>.cloudfunctions.net/api/...`. CORS is the app's own middleware
 * (config.corsOrigins), one policy for tests, the emulator and production; a `cors` option here would answer
 * preflights before the app and without the local profile's loopback origins.
 */
export const api = onRequest({ region: REGION }, (req, res) => {
  app ??= built(buildApp, 'API app')();
  app(req, res);
});

export const userCreated = onDocumentCreated({ document: 'users/{uid}', region: REGION }, (event) =>
  onUserCreated(built(services, 'services'), event),
);

/** Retried on failure: the handlers claim their work with deterministic ids, so a redelivery is harmless. */
const fanOutOptions = { region: REGION, retry: true, timeoutSeconds: 300, memory: '512MiB' } as const;

export const messageCreated = onDocumentCreated(
  { ...fanOutOptions, document: 'chats/{chatId}/messages/{messageId}' },
  async (event) =>
    logs.triggerDone('messageCreated', event.id, {
      ...(await onMessageCreated(built(services, 'services'), event)),
    }),
);

export const memberAdded = onDocumentCreated(
  { ...fanOutOptions, document: 'chats/{chatId}/members/{uid}' },
  async (event) =>
    logs.triggerDone('memberAdded', event.id, {
      notified: await onMemberAdded(built(services, 'services'), event),
    }),
);

export const announcementCreated = onDocumentCreated(
  { ...fanOutOptions, document: 'announcements/{announcementId}' },
  async (event) =>
    logs.triggerDone('announcementCreated', event.id, {
      ...(await onAnnouncementCreated(built(services, 'services'), event)),
    }),
);

/**
 * A chat was deleted (its document and this job in one transaction): its history and members go here, in
 * pages, with retries and the longest timeout, so a large chat's deletion outlasts no request.
 */
export const chatDeletionRequested = onDocumentCreated(
  { ...fanOutOptions, timeoutSeconds: 540, document: 'chatDeletions/{chatId}' },
  async (event) =>
    logs.triggerDone('chatDeletionRequested', event.id, {
      ...(await onChatDeletionRequested(built(services, 'services'), event)),
    }),
);
