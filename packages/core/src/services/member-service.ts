import type { AuthContext } from '../auth';
import { AppError } from '../errors';
import { toMember, type ChatRepository, type ChatTransaction } from '../repositories/chat-repository';
import type { UserRepository } from '../repositories/user-repository';
import { MAX_CHAT_MEMBERS } from '../schemas/chat';
import type {
  AddMemberBody,
  ListMembersQuery,
  Member,
  MemberPage,
  UpdateMemberBody,
} from '../schemas/member';
import { chatNotFound, failedPrecondition, may, type ChatAccess } from './chat-access';
import type { ChatLimits } from './chat-limits';

/** Membership of group chats: listing, adding, removing, leaving, roles and muting. */
export class MemberService {
  constructor(
    private readonly chats: ChatRepository,
    private readonly users: UserRepository,
    private readonly access: ChatAccess,
    private readonly limits: ChatLimits,
  ) {}

  /** Members in uid order; for members and app admins. */
  async list(auth: AuthContext, chatId: string, query: ListMembersQuery): Promise<MemberPage> {
    await this.access.memberOrAdmin(auth, chatId);
    const page = await this.chats.listMembers(chatId, query.limit, query.cursor);
    return { members: page.members.map(toMember), nextCursor: page.next };
  }

  /**
   * Adds a user to a group. Who may: the group's owner and admins (only the owner adds admins); plain
   * members may not, and a direct chat's two members are fixed. Each attempt counts against the adder's
   * member-add budget before anything is read in the chat (outside the transaction, which may run more than
   * once), so an add over budget writes nothing.
   */
  async add(auth: AuthContext, chatId: string, body: AddMemberBody): Promise<Member> {
    await this.limits.addMembers.admit(auth.uid);
    const hasProfile = (await this.users.existing([body.uid])).has(body.uid);
    await this.chats.transaction(async (tx) => {
      const { member, chat } = await this.groupOf(tx, auth, chatId);
      if (!may.addMembers(member.role))
        throw AppError.permissionDenied('Only owners and admins add members.');
      if (body.role === 'admin' && !may.changeRoles(member.role)) {
        throw AppError.permissionDenied('Only the owner adds admins.');
      }
      if (!hasProfile) {
        throw AppError.invalidArgument(`Invalid body.uid: no user ${body.uid} has a profile.`, [
          { path: 'uid', message: `No user ${body.uid} has a profile.` },
        ]);
      }
      if (await tx.member(chatId, body.uid)) throw AppError.alreadyExists(`${body.uid} is already a member.`);
      if (chat.memberIds.length >= MAX_CHAT_MEMBERS) {
        throw failedPrecondition(`A chat holds at most ${MAX_CHAT_MEMBERS} members.`);
      }
      tx.addMember(chatId, { uid: body.uid, role: body.role, addedBy: auth.uid }, auth.uid);
    });
    return this.memberView(chatId, body.uid);
  }

  /** Removes someone else: owners remove anyone but themselves, admins remove plain members. */
  async remove(auth: AuthContext, chatId: string, uid: string): Promise<void> {
    if (uid === auth.uid) return this.leave(auth, chatId);
    await this.chats.transaction(async (tx) => {
      const { member } = await this.groupOf(tx, auth, chatId);
      const target = await tx.member(chatId, uid);
      if (!target) throw memberNotFound(uid);
      if (!may.remove(member.role, target.role)) {
        throw AppError.permissionDenied(`A chat ${member.role} cannot remove a chat ${target.role}.`);
      }
      tx.removeMember(chatId, uid, auth.uid);
    });
  }

  /** The caller leaves a group. The owner must hand it over first (or delete it). */
  async leave(auth: AuthContext, chatId: string): Promise<void> {
    await this.chats.transaction(async (tx) => {
      const { member } = await this.groupOf(tx, auth, chatId);
      if (member.role === 'owner') {
        throw failedPrecondition(
          'The owner cannot leave: make someone else owner first, or delete the chat.',
        );
      }
      tx.removeMember(chatId, auth.uid, auth.uid);
    });
  }

  /**
   * Changes a member: `role` is the owner's to set on others (`owner` hands the chat over and makes the
   * old owner an admin); `muted` is each member's own setting.
   */
  async update(auth: AuthContext, chatId: string, uid: string, body: UpdateMemberBody): Promise<Member> {
    await this.chats.transaction(async (tx) => {
      const member = await this.access.memberIn(tx, auth, chatId);
      const chat = await tx.chat(chatId);
      if (!chat) throw chatNotFound(chatId);
      const target = uid === auth.uid ? member : await tx.member(chatId, uid);
      if (!target) throw memberNotFound(uid);
      if (body.muted !== undefined && uid !== auth.uid) {
        throw AppError.permissionDenied('Members mute a chat only for themselves.');
      }
      if (body.role !== undefined && body.role !== target.role) {
        if (chat.type === 'direct') throw failedPrecondition('Roles in a direct chat are fixed.');
        if (!may.changeRoles(member.role)) throw AppError.permissionDenied('Only the owner changes roles.');
        if (uid === auth.uid) throw failedPrecondition('Hand the chat over by making someone else owner.');
        tx.setRole(chatId, uid, body.role);
        if (body.role === 'owner') tx.setRole(chatId, auth.uid, 'admin');
      }
      if (body.muted !== undefined && body.muted !== target.muted) tx.setMuted(chatId, uid, body.muted);
    });
    return this.memberView(chatId, uid);
  }

  /** The caller's membership and the chat, which must be a group. */
  private async groupOf(tx: ChatTransaction, auth: AuthContext, chatId: string) {
    const member = await this.access.memberIn(tx, auth, chatId);
    const chat = await tx.chat(chatId);
    if (!chat) throw chatNotFound(chatId);
    if (chat.type === 'direct') throw failedPrecondition('The members of a direct chat are fixed.');
    return { member, chat };
  }

  private async memberView(chatId: string, uid: string): Promise<Member> {
    const member = await this.chats.getMember(chatId, uid);
    if (!member) throw memberNotFound(uid);
    return toMember(member);
  }
}

function memberNotFound(uid: string): AppError {
  return AppError.notFound(`No member ${uid} in this chat.`);
}
