import {
  AddMemberBody,
  ChatParams,
  ListMembersQuery,
  Member,
  MemberPage,
  MemberParams,
  UpdateMemberBody,
} from '@chat/core';
import { defineRoute, noContent } from './api-route';

/** Members of a chat: list, add, change (role, muted), remove, and leave. */
export const memberRoutes = [
  defineRoute({
    method: 'get',
    path: '/chats/:chatId/members',
    summary: 'Members, in uid order',
    tag: 'members',
    auth: 'user',
    request: { params: ChatParams, query: ListMembersQuery },
    responses: { 200: { description: 'One page.', body: MemberPage } },
    errors: [404],
    handler: async ({ caller, params, query }, { services }) => ({
      status: 200,
      body: await services.members.list(caller, params.chatId, query),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/chats/:chatId/members',
    summary: 'Add a member (admins and the owner)',
    tag: 'members',
    auth: 'user',
    request: { params: ChatParams, body: AddMemberBody },
    responses: { 201: { description: 'Added.', body: Member } },
    errors: [403, 404, 409, 412],
    handler: async ({ caller, params, body }, { services }) => {
      const member = await services.members.add(caller, params.chatId, body);
      return { status: 201, location: `/chats/${params.chatId}/members/${member.uid}`, body: member };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/chats/:chatId/members/:uid',
    summary: "Change a member's role (the owner) or your own muted flag",
    tag: 'members',
    auth: 'user',
    request: { params: MemberParams, body: UpdateMemberBody },
    responses: { 200: { description: 'The changed member.', body: Member } },
    errors: [403, 404, 412],
    handler: async ({ caller, params, body }, { services }) => ({
      status: 200,
      body: await services.members.update(caller, params.chatId, params.uid, body),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/chats/:chatId/members/:uid',
    summary: 'Remove a member (admins and the owner)',
    tag: 'members',
    auth: 'user',
    request: { params: MemberParams },
    responses: noContent,
    errors: [403, 404, 412],
    handler: async ({ caller, params }, { services }) => {
      await services.members.remove(caller, params.chatId, params.uid);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/chats/:chatId/leave',
    summary: 'Leave a chat',
    tag: 'members',
    auth: 'user',
    request: { params: ChatParams },
    responses: noContent,
    errors: [404, 412],
    handler: async ({ caller, params }, { services }) => {
      await services.members.leave(caller, params.chatId);
      return { status: 204 };
    },
  }),
];
