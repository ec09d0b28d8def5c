import type { Firestore } from 'firebase-admin/firestore';
import type { Services } from '@chat/core';
import type { AppConfig } from '../config';
import type { OpenApiDocument } from '../openapi';
import { routeDefiner, type Route } from '../http/route';

/** What the API's handlers get besides their input: the services, and what `/ping` and the docs report. */
export interface ApiDeps {
  services: Services;
  db: Firestore;
  config: AppConfig;
  openApiDocument: OpenApiDocument;
}

export type ApiRoute = Route<ApiDeps>;

/** Declares one operation of the API: its contract (which the OpenAPI document shows) and its handler. */
export const defineRoute = routeDefiner<ApiDeps>();

/** The answer of a route that has nothing to return. */
export const noContent = { 204: { description: 'Done; no body.' } };
