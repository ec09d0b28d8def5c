import type { ApiRoute } from './api-route';
import { chatRoutes } from './chats';
import { docsRoutes } from './docs';
import { memberRoutes } from './members';
import { messageRoutes } from './messages';
import { notificationRoutes } from './notifications';
import { pingRoutes } from './ping';
import { readStateRoutes } from './read-state';
import { userRoutes } from './users';

/**
 * Every operation of the API, in the order Express tries them. `createApp` serves this table and
 * `buildOpenApiDocument` describes it, so the router and the document cannot disagree.
 */
export const apiRoutes: readonly ApiRoute[] = [
  ...pingRoutes,
  ...docsRoutes,
  ...userRoutes,
  ...chatRoutes,
  ...memberRoutes,
  ...messageRoutes,
  ...readStateRoutes,
  ...notificationRoutes,
];
