import type { AuthContext } from '../auth';
import { AppError } from '../errors';
import type { ChatRepository, ChatTransaction, MemberRecord } from '../repositories/chat-repository';
import type { MessageRecord } from '../repositories/message-repository';
import type { Role } from '../schemas/member';

/**
 * Who may see and do what in a chat. Membership is checked on every chat, member and message call, and a
 * caller who is not a member gets the same 404 as for a chat that does not exist, so chat ids do not leak.
 * App admins (the `admin` custom claim) may look into and moderate any chat, but not write as a member.
 */
export class ChatAccess {
  constructor(private readonly chats: ChatRepository) {}

  /**
   * The caller's member record; `not-found` when they are not a member, or when the chat is deleted (its
   * document is gone at once; the members and messages under it go later, with its deletion job).
   */
  async member(auth: AuthContext, chatId: string): Promise<MemberRecord> {
    const { chat, member } = await this.chats.getWithMember(chatId, auth.uid);
    if (!chat || !member) throw chatNotFound(chatId);
    return member;
  }

  /** The caller's member record, or null for an app admin who is not a member of an existing chat. */
  async memberOrAdmin(auth: AuthContext, chatId: string): Promise<MemberRecord | null> {
    const { chat, member } = await this.chats.getWithMember(chatId, auth.uid);
    if (!chat) throw chatNotFound(chatId);
    if (member) return member;
    if (auth.admin) return null;
    throw chatNotFound(chatId);
  }

  /** `member`, inside a transaction, so the check and the write see the same state. */
  async memberIn(tx: ChatTransaction, auth: AuthContext, chatId: string): Promise<MemberRecord> {
    return (await this.memberInReading(tx, auth, chatId, [])).member;
  }

  /** `memberIn`, with messages of the chat read in the same round trip (null where there is none). */
  async memberInReading(
    tx: ChatTransaction,
    auth: AuthContext,
    chatId: string,
    messageIds: string[],
  ): Promise<{ member: MemberRecord; messages: (MessageRecord | null)[] }> {
    const { chat, member, messages } = await tx.withMember(chatId, auth.uid, messageIds);
    if (!chat || !member) throw chatNotFound(chatId);
    return { member, messages };
  }
}

/** The one answer for "no such chat" and "not your chat". */
export function chatNotFound(chatId: string): AppError {
  return AppError.notFound(`No chat ${chatId}.`);
}

export function failedPrecondition(message: string): AppError {
  return new AppError('failed-precondition', message);
}

/** What each chat role may do; the one table every service consults. */
export const may = {
  rename: (role: Role) => role === 'owner' || role === 'admin',
  addMembers: (role: Role) => role === 'owner' || role === 'admin',
  /** Owners remove anyone but themselves; admins remove plain members. */
  remove: (role: Role, target: Role) =>
    target !== 'owner' && (role === 'owner' || (role === 'admin' && target === 'member')),
  changeRoles: (role: Role) => role === 'owner',
  deleteAnyMessage: (role: Role) => role === 'owner' || role === 'admin',
  deleteChat: (role: Role) => role === 'owner',
};
