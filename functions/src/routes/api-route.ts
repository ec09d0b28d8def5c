import type { Firestore } from 'firebase-admin/firestore';
import type { CachedTokenVerifier, Services } from '@chat/core';
import type { Logs } from '../logs';
import type { OpenApiDocument } from '../openapi';
import { routeDefiner, type Route } from '../http/route';

/** What the API's handlers get besides their input: the services, and what `/ping` and the docs need. */
export interface ApiDeps {
  services: Services;
  /** The verifier behind `requireAuth`: the admin routes make it forget a user they revoke or disable. */
  tokens: CachedTokenVerifier;
  db: Firestore;
  /** Where `/ping` logs what its public answer leaves out. */
  logs: Logs;
  openApiDocument: OpenApiDocument;
}

export type ApiRoute = Route<ApiDeps>;

/** Declares one operation of the API: its contract (which the OpenAPI document shows) and its handler. */
export const defineRoute = routeDefiner<ApiDeps>();

/** The answer of a route that has nothing to return. */
export const noContent = { 204: { description: 'Done; no body.' } };
