import { Announcement, AnnouncementBody, AuditPage, ListAuditQuery } from '@chat/core';
import { defineRoute } from './api-route';
import { adminCaller } from './admin-caller';

/** Admin: announcements to inboxes, and the audit log of every admin action. Admin claim required. */
export const adminAnnouncementRoutes = [
  defineRoute({
    method: 'post',
    path: '/admin/announcements',
    summary: 'Send a notification to one user or to everyone (admins only; audited)',
    tag: 'admin',
    auth: 'admin',
    request: { body: AnnouncementBody },
    responses: {
      202: { description: 'Recorded; a trigger delivers it to the inboxes.', body: Announcement },
    },
    errors: [403, 404],
    handler: async (input, { services }) => ({
      status: 202,
      body: await services.admin.announce(adminCaller(input), input.body),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/audit',
    summary: 'The audit log, newest first, by actor, action or target (admins only)',
    tag: 'admin',
    auth: 'admin',
    request: { query: ListAuditQuery },
    responses: { 200: { description: 'One page.', body: AuditPage } },
    errors: [403],
    handler: async (input, { services }) => ({
      status: 200,
      body: await services.admin.listAudit(adminCaller(input), input.query),
    }),
  }),
];
