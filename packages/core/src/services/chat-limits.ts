import type { UserLimit } from './user-limit';

/** The limiter on creating chats (`chat-create:` counters): groups, and direct chats opened for the first time. */
export const CHAT_CREATE_LIMITER = 'chat-create';
/** The limiter on adding members (`member-add:` counters): each member added, a new group's included. */
export const MEMBER_ADD_LIMITER = 'member-add';

/**
 * The per-user budgets on what reaches other people unasked: every chat created puts itself in someone's
 * chat list, and every member added gets a notification. `ChatService` and `MemberService` apply them
 * before they write anything, so an operation over budget changes nothing.
 */
export interface ChatLimits {
  create: UserLimit;
  addMembers: UserLimit;
}
