import {
  ListNotificationsQuery,
  MarkAllReadResult,
  Notification,
  NotificationPage,
  NotificationParams,
} from '@chat/core';
import { defineRoute } from './api-route';

/** The caller's inbox. */
export const notificationRoutes = [
  defineRoute({
    method: 'get',
    path: '/notifications',
    summary: "The caller's inbox, newest first",
    tag: 'notifications',
    auth: 'user',
    request: { query: ListNotificationsQuery },
    responses: { 200: { description: 'One page.', body: NotificationPage } },
    handler: async ({ caller, query }, { services }) => ({
      status: 200,
      body: await services.notifications.list(caller, query),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/notifications/read-all',
    summary: 'Mark every notification read',
    tag: 'notifications',
    auth: 'user',
    responses: { 200: { description: 'How many changed.', body: MarkAllReadResult } },
    handler: async ({ caller }, { services }) => ({
      status: 200,
      body: await services.notifications.markAllRead(caller),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/notifications/:notificationId/read',
    summary: 'Mark one notification read',
    tag: 'notifications',
    auth: 'user',
    request: { params: NotificationParams },
    responses: { 200: { description: 'The notification.', body: Notification } },
    errors: [404],
    handler: async ({ caller, params }, { services }) => ({
      status: 200,
      body: await services.notifications.markRead(caller, params.notificationId),
    }),
  }),
];
