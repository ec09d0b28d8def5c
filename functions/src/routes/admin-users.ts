import {
  AdminUidParams,
  AdminUser,
  AdminUserDetail,
  AdminUserPage,
  SearchUsersQuery,
  SetAdminClaimBody,
  UpdateUserBody,
} from '@chat/core';
import { defineRoute } from './api-route';
import { adminCaller } from './admin-caller';

/** Admin: find users, read one with their chats, change their profile and role. Admin claim required. */
export const adminUserRoutes = [
  defineRoute({
    method: 'get',
    path: '/admin/users',
    summary: 'Search users by email, display name or uid prefix (admins only)',
    tag: 'admin',
    auth: 'admin',
    request: { query: SearchUsersQuery },
    responses: { 200: { description: 'One page.', body: AdminUserPage } },
    errors: [403],
    handler: async (input, { services }) => ({
      status: 200,
      body: await services.admin.searchUsers(adminCaller(input), input.query),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/users/:uid',
    summary: 'One user with their chats (admins only)',
    tag: 'admin',
    auth: 'admin',
    request: { params: AdminUidParams },
    responses: { 200: { description: 'The user.', body: AdminUserDetail } },
    errors: [403, 404],
    handler: async (input, { services }) => ({
      status: 200,
      body: await services.admin.getUser(adminCaller(input), input.params.uid),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/admin/users/:uid',
    summary: "Change a user's public profile (admins only; audited)",
    tag: 'admin',
    auth: 'admin',
    request: { params: AdminUidParams, body: UpdateUserBody },
    responses: { 200: { description: 'The changed user.', body: AdminUser } },
    errors: [403, 404],
    handler: async (input, { services }) => ({
      status: 200,
      body: await services.admin.updateProfile(adminCaller(input), input.params.uid, input.body),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/users/:uid/admin-claim',
    summary: 'Grant or remove the admin role (admins only, never on yourself; audited)',
    tag: 'admin',
    auth: 'admin',
    request: { params: AdminUidParams, body: SetAdminClaimBody },
    responses: { 200: { description: 'The user with the new role.', body: AdminUser } },
    errors: [403, 404, 412],
    handler: async (input, { services }) => ({
      status: 200,
      body: await services.admin.setAdminClaim(adminCaller(input), input.params.uid, input.body.admin),
    }),
  }),
];
