import { createHash } from 'node:crypto';
import type { AuthContext } from '../auth';
import { AppError } from '../errors';
import { clearedBefore, toChat, type ChatRepository, type NewMember } from '../repositories/chat-repository';
import { toMember } from '../repositories/chat-repository';
import type { UserRepository } from '../repositories/user-repository';
import type { Chat, ChatPage, CreateChatBody, ListChatsQuery, UpdateChatBody } from '../schemas/chat';
import { encodeCursor } from '../schemas/common';
import type { Member } from '../schemas/member';
import { chatNotFound, failedPrecondition, may, type ChatAccess } from './chat-access';
import type { ChatLimits } from './chat-limits';

/** A chat as created or opened, and whether this call created it (201) or found it (200). */
export interface OpenedChat {
  chat: Chat;
  created: boolean;
}

/** The id of the direct chat between two users: the same whoever opens it. */
export function directChatId(a: string, b: string): string {
  const [first, second] = [a, b].sort();
  return `dm_${createHash('sha256').update(`${first}\n${second}`).digest('hex')}`;
}

/** Chats: creating, opening, listing, renaming and deleting them. */
export class ChatService {
  constructor(
    private readonly chats: ChatRepository,
    private readonly users: UserRepository,
    private readonly access: ChatAccess,
    private readonly limits: ChatLimits,
  ) {}

  /** `POST /chats`: a direct chat (opened idempotently) or a group owned by the caller. */
  create(auth: AuthContext, body: CreateChatBody): Promise<OpenedChat> {
    return body.type === 'direct'
      ? this.openDirect(auth, body.memberId)
      : this.createGroup(auth, body.title, body.memberIds);
  }

  /**
   * Opens the direct chat between the caller and `otherUid`, creating it on first use. Both are owners of
   * it. Calling it again (or by the other user) returns the same chat with `created: false`.
   */
  async openDirect(auth: AuthContext, otherUid: string): Promise<OpenedChat> {
    if (otherUid === auth.uid) {
      throw AppError.invalidArgument('Invalid body.memberId: a direct chat needs another user.', [
        { path: 'memberId', message: 'Must be another user than the caller.' },
      ]);
    }
    const chatId = directChatId(auth.uid, otherUid);
    const existing = await this.chats.getWithMember(chatId, auth.uid);
    if (existing.chat && existing.member) {
      return { chat: toChat(existing.chat, existing.member), created: false };
    }
    // Hard-deleted, and its deletion job has not finished: a new chat under this id would get the old
    // history back (or lose its own to the job). The job runs within seconds.
    if (existing.member || (await this.chats.deletionPending(chatId))) {
      throw failedPrecondition('The chat with this user is being deleted: open it again in a minute.');
    }
    await this.requireProfiles([otherUid], () => 'memberId');
    // Only a chat that does not exist yet is counted: reopening one is free.
    await this.limits.create.admit(auth.uid);
    const members: NewMember[] = [
      { uid: auth.uid, role: 'owner', addedBy: null },
      { uid: otherUid, role: 'owner', addedBy: auth.uid },
    ];
    try {
      await this.chats.create(chatId, { type: 'direct', title: null, createdBy: auth.uid, members });
    } catch (error) {
      // Both users opened it at the same moment: the other create won, and the chat is there.
      if (!(error instanceof AppError && error.code === 'already-exists')) throw error;
      return { chat: await this.get(auth, chatId), created: false };
    }
    return { chat: await this.get(auth, chatId), created: true };
  }

  /** Creates a group owned by the caller, with the given members (their profiles must exist). */
  async createGroup(auth: AuthContext, title: string, memberIds: string[]): Promise<OpenedChat> {
    const others = [...new Set(memberIds)].filter((uid) => uid !== auth.uid);
    await this.requireProfiles(others, (uid) => `memberIds.${memberIds.indexOf(uid)}`);
    await this.limits.create.admit(auth.uid);
    await this.limits.addMembers.admit(auth.uid, others.length);
    const chatId = this.chats.newChatId();
    await this.chats.create(chatId, {
      type: 'group',
      title,
      createdBy: auth.uid,
      members: [
        { uid: auth.uid, role: 'owner', addedBy: null },
        ...others.map((uid): NewMember => ({ uid, role: 'member', addedBy: auth.uid })),
      ],
    });
    return { chat: await this.get(auth, chatId), created: true };
  }

  /** One chat with the caller's membership. Members, and app admins, may read it; others get 404. */
  async get(auth: AuthContext, chatId: string): Promise<Chat> {
    const member = await this.access.memberOrAdmin(auth, chatId);
    const chat = await this.chats.get(chatId);
    if (!chat) throw chatNotFound(chatId);
    return toChat(chat, member);
  }

  /**
   * One chat, for its members only: `not-found` for anyone else, app admins included. The member record and
   * the chat are read at once. What the relay answers a socket joining the chat's room with.
   */
  async getAsMember(auth: AuthContext, chatId: string): Promise<Chat> {
    const { chat, member } = await this.chats.getWithMember(chatId, auth.uid);
    if (!chat || !member) throw chatNotFound(chatId);
    return toChat(chat, member);
  }

  /**
   * The caller's member record, or `not-found` when they are not a member: the check the relay makes
   * before it joins a socket to a chat's room.
   */
  async requireMember(auth: AuthContext, chatId: string): Promise<Member> {
    return toMember(await this.access.member(auth, chatId));
  }

  /**
   * The caller's chats, most recent activity first. A direct chat whose history the caller cleared is left
   * out until something happens in it again (a page may then hold fewer than `limit`; follow `nextCursor`).
   */
  async listMine(auth: AuthContext, query: ListChatsQuery): Promise<ChatPage> {
    const page = await this.chats.listForMember(auth.uid, query.limit, query.cursor);
    const memberships = await this.chats.getMemberships(
      auth.uid,
      page.chats.map((chat) => chat.id),
    );
    return {
      chats: page.chats.flatMap((chat, i) => {
        const membership = memberships[i] ?? null;
        return clearedBefore(membership, chat.lastActivityAt) ? [] : [toChat(chat, membership)];
      }),
      nextCursor: page.next ? encodeCursor(page.next) : null,
    };
  }

  /** Renames a group; owners and admins only. */
  async rename(auth: AuthContext, chatId: string, body: UpdateChatBody): Promise<Chat> {
    await this.chats.transaction(async (tx) => {
      const member = await this.access.memberIn(tx, auth, chatId);
      const chat = await tx.chat(chatId);
      if (!chat) throw chatNotFound(chatId);
      if (chat.type === 'direct') throw failedPrecondition('A direct chat has no title.');
      if (!may.rename(member.role)) throw AppError.permissionDenied('Only owners and admins rename a chat.');
      tx.rename(chatId, body.title, auth.uid);
    });
    return this.get(auth, chatId);
  }

  /**
   * `DELETE /chats/{chatId}`, by a member:
   * - a direct chat: its history is hidden for the caller only (`clearHistoryFor`); the other member keeps
   *   everything, and a new message brings the chat back to the caller with only what came after;
   * - a group: its owner deletes it for everyone (`ChatTransaction.deleteChat`: gone at once for every
   *   reader, its history deleted in the background by the deletion job); admins and members may not.
   * App admins hard-delete any chat through `AdminService.deleteChat`, which is audited, not here.
   */
  async delete(auth: AuthContext, chatId: string): Promise<void> {
    await this.chats.transaction(async (tx) => {
      const { chat, member } = await tx.withMember(chatId, auth.uid);
      if (!chat) throw chatNotFound(chatId);
      if (!member) {
        if (!auth.admin) throw chatNotFound(chatId);
        throw AppError.permissionDenied(
          `App admins delete chats with DELETE /admin/chats/${chatId}, which is audited.`,
        );
      }
      if (chat.type === 'direct') return tx.clearHistoryFor(chatId, auth.uid);
      if (!may.deleteChat(member.role)) throw AppError.permissionDenied('Only the owner deletes a group.');
      tx.deleteChat(chatId, auth.uid);
    });
  }

  /**
   * The deletion job of a chat (the `chatDeletionRequested` trigger): deletes what is left under the chat,
   * `pageSize` documents per batch, then the job. Safe to run again, or twice at once: a job already done is
   * gone, and deleting what another run deleted is harmless. A run cut short (a timeout) leaves the job in
   * place, and the retried event finishes it.
   */
  async finishDeletion(chatId: string, pageSize = 400): Promise<{ deleted: number }> {
    if (!(await this.chats.deletionPending(chatId))) return { deleted: 0 };
    let deleted = 0;
    for (;;) {
      const page = await this.chats.deleteContentsPage(chatId, pageSize);
      if (page === 0) break;
      deleted += page;
    }
    await this.chats.completeDeletion(chatId);
    return { deleted };
  }

  private async requireProfiles(uids: string[], pathOf: (uid: string) => string): Promise<void> {
    const found = await this.users.existing(uids);
    const missing = uids.filter((uid) => !found.has(uid));
    if (missing.length === 0) return;
    const fields = missing.map((uid) => ({ path: pathOf(uid), message: `No user ${uid} has a profile.` }));
    throw AppError.invalidArgument(`Invalid body.${fields[0]?.path}: ${fields[0]?.message}`, fields);
  }
}
