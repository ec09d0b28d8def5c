import { AccountState, AdminUserParams, SessionsRevoked, SetDisabledBody } from '@chat/core';
import { defineRoute, type ApiDeps } from './api-route';
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
    handler: async (input, { services, tokens }) => ({
      status: 200,
      body: await forgetting(tokens, input.params.uid, () =>
        services.accounts.revokeSessions(adminCaller(input), input.params.uid),
      ),
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
    handler: async (input, { services, tokens }) => ({
      status: 200,
      body: await forgetting(tokens, input.params.uid, () =>
        services.accounts.setDisabled(adminCaller(input), input.params.uid, input.body.disabled),
      ),
    }),
  }),
];

/**
 * Runs an account change, then makes this instance's token verifier forget the user, whether the change
 * succeeded or not (Auth may have changed before a later step failed): their next request here asks Auth.
 * Other instances forget on the revocation record (index.ts), or after the verifier's few seconds.
 */
async function forgetting<T>(tokens: ApiDeps['tokens'], uid: string, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } finally {
    tokens.invalidate(uid);
  }
}
