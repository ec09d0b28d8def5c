import { z } from 'zod';
import { CreateUserBody, ListUsersQuery, Uid, UpdateUserBody, UserPage, UserProfile } from '@chat/core';
import { defineRoute } from './api-route';

const UserParams = z.strictObject({ uid: Uid });

/** Profiles. The caller's uid always comes from the token. */
export const userRoutes = [
  defineRoute({
    method: 'post',
    path: '/users',
    summary: "Create the caller's profile",
    tag: 'users',
    auth: 'user',
    request: { body: CreateUserBody },
    responses: { 201: { description: 'Created.', body: UserProfile } },
    errors: [409],
    handler: async ({ caller, body }, { services }) => ({
      status: 201,
      body: await services.users.createProfile(caller, body),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/users',
    summary: 'Every profile, in uid order (admins only)',
    tag: 'users',
    auth: 'admin',
    request: { query: ListUsersQuery },
    responses: { 200: { description: 'One page.', body: UserPage } },
    errors: [403],
    handler: async ({ caller, query }, { services }) => ({
      status: 200,
      body: await services.users.listUsers(caller, query),
    }),
  }),
  // Before `/users/:uid`, which would otherwise take "me" for a uid.
  defineRoute({
    method: 'get',
    path: '/users/me',
    summary: "The caller's profile",
    tag: 'users',
    auth: 'user',
    responses: { 200: { description: 'The profile.', body: UserProfile } },
    errors: [404],
    handler: async ({ caller }, { services }) => ({ status: 200, body: await services.users.getMe(caller) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/users/me',
    summary: "Change the caller's profile",
    tag: 'users',
    auth: 'user',
    request: { body: UpdateUserBody },
    responses: { 200: { description: 'The changed profile.', body: UserProfile } },
    errors: [404],
    handler: async ({ caller, body }, { services }) => ({
      status: 200,
      body: await services.users.updateMe(caller, body),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/users/:uid',
    summary: "Anyone's profile",
    tag: 'users',
    auth: 'user',
    request: { params: UserParams },
    responses: { 200: { description: 'The profile.', body: UserProfile } },
    errors: [404],
    handler: async ({ caller, params }, { services }) => ({
      status: 200,
      body: await services.users.getUser(caller, params.uid),
    }),
  }),
];
