import { AccountState, AdminUserParams, SessionsRevoked, SetDisabledBody } from '@chat/core';
import { defineRoute } from './api-route';
import { adminCaller } from './admin-caller';

/**
 * What app admins do to accounts. Each change is audited (`auditLog/{id}`), goes to Firebase Auth (so the next
 * request is refused) and to a revocation record that every relay instance listens to (so live sockets close within seconds).
 */
export const adminRoutes = [
  defineRoute({
    method: 'post',
    path: '/admin/users/:uid/revoke',
    summary: 'Sign a user out everywhere: revoke their tokens and close their sockets (app admins)',
    tag: 'admin',
    auth: 'admin',
    request: { params: AdminUserParams },
    responses: { 200: { description: 'Revoked.', body: SessionsRevoked } },
    errors: [403, 404],
    handler: async (input, { services }) => ({
      status: 200,
      body: await services.accounts.revokeSessions(adminCaller(input), input.params.uid),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/users/:uid/disable',
    summary: 'Disable or enable an account; a disabled user loses their sockets at once (app admins)',
    tag: 'admin',
    auth: 'admin',
    request: { params: AdminUserParams, body: SetDisabledBody },
    responses: { 200: { description: 'The account state.', body: AccountState } },
    errors: [403, 404, 412],
    handler: async (input, { services }) => ({
      status: 200,
      body: await services.accounts.setDisabled(adminCaller(input), input.params.uid, input.body.disabled),
    }),
  }),
];
