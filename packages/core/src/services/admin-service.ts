import type { AuthContext } from '../auth';
import { AppError } from '../errors';
import type { AccountDirectory } from '../repositories/account-directory';
import type { AnnouncementRepository } from '../repositories/announcement-repository';
import type { AdminTransaction } from '../repositories/admin-transaction';
import type { Audited, AuditIntent, AuditRepository } from '../repositories/audit-repository';
import { toChat, type ChatRecord, type ChatRepository } from '../repositories/chat-repository';
import type { UserRepository } from '../repositories/user-repository';
import type {
  AdminChat,
  AdminChatPage,
  AdminUser,
  AdminUserDetail,
  AdminUserPage,
  Announcement,
  AnnouncementBody,
  SearchChatsQuery,
  SearchUsersQuery,
} from '../schemas/admin-api';
import type { AuditAction, AuditPage, AuditTarget, ListAuditQuery } from '../schemas/audit';
import { decodeCursor, encodeCursor } from '../schemas/common';
import type { UpdateUserBody } from '../schemas/user';
import { bucketOf } from './fan-out-service';

/** Who acts, and under which request: every admin action is recorded with both. */
export interface AdminCaller {
  auth: AuthContext;
  requestId: string;
}

/** What one announcement-created event did; a replay reports zero. */
export interface AnnouncementFanOut {
  delivered: number;
}

/** Most users one delivery transaction writes to (Firestore allows 500 writes per transaction). */
const DELIVERY_CHUNK = 400;

/**
 * What app admins do. Reads go straight to the repositories; every change goes through `act`, which
 * takes the audit entry and runs the change and its record in one transaction (`AuditRepository.act`).
 *
 * Changes in Firebase Auth (disable, the admin claim) are not Firestore writes, so they cannot join the
 * transaction. Their order: inside the transaction, after its reads and Firestore writes are queued, the
 * Auth change is made last, and then the transaction commits the audit record with the Firestore side of
 * the state (`users/{uid}.disabled`/`.admin`). If Auth refuses, the transaction aborts and nothing is
 * recorded. If the commit fails after Auth changed, Auth is set back to what it was. Auth calls are
 * idempotent, so a transaction retried after contention repeats them harmlessly.
 */
export class AdminService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly users: UserRepository,
    private readonly chats: ChatRepository,
    private readonly announcements: AnnouncementRepository,
    private readonly accounts: AccountDirectory,
  ) {}

  // ---- users ----

  async searchUsers(caller: AdminCaller, query: SearchUsersQuery): Promise<AdminUserPage> {
    requireAdmin(caller);
    const prefix = query.by === 'email' ? (query.q ?? '').toLowerCase() : (query.q ?? '');
    const after = query.cursor ? decodePair(query.cursor) : undefined;
    const page = await this.users.search(query.by, prefix, query.limit, after);
    return { users: page.users, nextCursor: page.next ? encodePair(page.next) : null };
  }

  async getUser(caller: AdminCaller, uid: string): Promise<AdminUserDetail> {
    requireAdmin(caller);
    const stored = await this.requireUser(uid);
    // Firebase Auth is the truth for the account's state; the profile's copy is what lists show.
    const user = { ...stored, ...(await this.accounts.state(uid)) };
    const page = await this.chats.listForMember(uid, 50);
    const memberships = await this.chats.getMemberships(
      uid,
      page.chats.map((chat) => chat.id),
    );
    return { user, chats: page.chats.map((chat, i) => toChat(chat, memberships[i] ?? null)) };
  }

  async updateProfile(caller: AdminCaller, uid: string, body: UpdateUserBody): Promise<AdminUser> {
    await this.act(caller, 'user.update-profile', { type: 'user', id: uid }, async (tx) => {
      const user = await tx.user(uid);
      if (!user) throw profileMissing(uid);
      const before = Object.fromEntries(
        Object.keys(body).map((key) => [key, user[key as keyof typeof body]]),
      );
      tx.updateProfile(uid, body);
      return { result: undefined, before, after: { ...body } };
    });
    return this.requireUser(uid);
  }

  /** Grants or removes the `admin` claim; never on the caller's own account. */
  async setAdminClaim(caller: AdminCaller, uid: string, admin: boolean): Promise<AdminUser> {
    requireAdmin(caller);
    if (uid === caller.auth.uid) {
      throw new AppError('failed-precondition', 'You cannot change your own admin role: ask another admin.');
    }
    const accounts = this.accounts;
    const action = admin ? 'user.grant-admin' : 'user.remove-admin';
    await withAuthChange(
      () => accounts.state(uid),
      (previous) => accounts.setAdminClaim(uid, previous.admin),
      (previous) =>
        this.act(caller, action, { type: 'user', id: uid }, async (tx) => {
          const user = await tx.user(uid);
          if (!user) throw profileMissing(uid);
          tx.setUserFlags(uid, { admin });
          await accounts.setAdminClaim(uid, admin);
          return { result: undefined, before: { admin: previous.admin }, after: { admin } };
        }),
    );
    return this.requireUser(uid);
  }

  // ---- chats ----

  async searchChats(caller: AdminCaller, query: SearchChatsQuery): Promise<AdminChatPage> {
    requireAdmin(caller);
    if (query.q !== undefined) {
      const after = query.cursor ? decodePair(query.cursor) : undefined;
      const page = await this.chats.searchByTitle(query.q, query.limit, after);
      return { chats: page.chats.map(toAdminChat), nextCursor: page.next ? encodePair(page.next) : null };
    }
    const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (cursor === null) throw badCursor();
    const page = await this.chats.listAll(query.limit, {
      ...(query.member ? { member: query.member } : {}),
      ...(cursor ? { cursor } : {}),
    });
    return { chats: page.chats.map(toAdminChat), nextCursor: page.next ? encodeCursor(page.next) : null };
  }

  async getChat(caller: AdminCaller, chatId: string): Promise<AdminChat> {
    requireAdmin(caller);
    const chat = await this.chats.get(chatId);
    if (!chat) throw chatMissing(chatId);
    return toAdminChat(chat);
  }

  async removeMember(caller: AdminCaller, chatId: string, uid: string): Promise<void> {
    await this.act(caller, 'chat.remove-member', { type: 'chat', id: chatId }, async (tx) => {
      const chat = await tx.chats.chat(chatId);
      if (!chat) throw chatMissing(chatId);
      const member = await tx.chats.member(chatId, uid);
      if (!member) throw AppError.notFound(`User ${uid} is not a member of chat ${chatId}.`);
      if (chat.type === 'direct') {
        throw new AppError(
          'failed-precondition',
          'A direct chat keeps its two members: delete the chat instead.',
        );
      }
      tx.chats.removeMember(chatId, uid, caller.auth.uid);
      return { result: undefined, before: { member: uid, role: member.role }, after: { member: null } };
    });
  }

  /** Removes a message as moderator: a tombstone marked `moderated`, seen live by every reader. */
  async moderateMessage(caller: AdminCaller, chatId: string, messageId: string): Promise<void> {
    const target = { type: 'message', id: `${chatId}/${messageId}` } as const;
    await this.act(caller, 'message.moderate', target, async (tx) => {
      const chat = await tx.chats.chat(chatId);
      if (!chat) throw chatMissing(chatId);
      const message = await tx.chats.message(chatId, messageId);
      if (!message) throw AppError.notFound(`No message ${messageId} in chat ${chatId}.`);
      if (message.type === 'system') {
        throw new AppError('failed-precondition', 'A system message cannot be removed.');
      }
      if (message.deletedAt) throw new AppError('failed-precondition', 'This message is already deleted.');
      tx.chats.moderateMessage(chatId, messageId);
      if (chat.lastMessage?.id === messageId) tx.chats.setLastMessageText(chatId, '');
      return {
        result: undefined,
        before: { text: message.text, senderId: message.senderId, moderated: false },
        after: { text: '', moderated: true },
      };
    });
  }

  /**
   * Hard-deletes any chat: its document goes, with its `chat-deleted` system message and its deletion job,
   * in the audited transaction; the job (the `chatDeletionRequested` trigger) deletes the rest in the
   * background, with retries, however long that takes.
   */
  async deleteChat(caller: AdminCaller, chatId: string): Promise<void> {
    await this.act(caller, 'chat.delete', { type: 'chat', id: chatId }, async (tx) => {
      const chat = await tx.chats.chat(chatId);
      if (!chat) throw chatMissing(chatId);
      tx.chats.deleteChat(chatId, caller.auth.uid);
      return {
        result: undefined,
        before: { type: chat.type, title: chat.title, memberIds: chat.memberIds },
        after: null,
      };
    });
  }

  // ---- announcements ----

  async announce(caller: AdminCaller, body: AnnouncementBody): Promise<Announcement> {
    requireAdmin(caller);
    const id = this.announcements.newId();
    const to = body.to ?? null;
    await this.act(caller, 'announcement.send', { type: 'announcement', id }, async (tx) => {
      if (to !== null && !(await tx.user(to))) throw profileMissing(to);
      tx.createAnnouncement(id, { title: body.title, body: body.body, to, createdBy: caller.auth.uid });
      return { result: undefined, before: null, after: { title: body.title, body: body.body, to } };
    });
    const stored = await this.announcements.get(id);
    if (!stored) throw new Error(`Announcement ${id} vanished right after its create.`);
    return stored;
  }

  /**
   * The trigger of `announcements/{id}`: delivers it to its recipient, or to every profile in hash buckets
   * (chunks of at most 400), each claimed by a marker in the same transaction as its notifications.
   */
  async announcementCreated(id: string): Promise<AnnouncementFanOut> {
    const announcement = await this.announcements.get(id);
    if (!announcement) return { delivered: 0 };
    const uids = announcement.to ? [announcement.to] : await this.announcements.allUids();
    const buckets = new Map<string, string[]>();
    for (const uid of uids) {
      const bucket = bucketOf(uid);
      buckets.set(bucket, [...(buckets.get(bucket) ?? []), uid]);
    }
    let delivered = 0;
    for (const [bucket, members] of buckets) {
      for (let start = 0; start < members.length; start += DELIVERY_CHUNK) {
        const chunk = members.slice(start, start + DELIVERY_CHUNK);
        const done = await this.announcements.deliverBucket(
          announcement,
          `${bucket}-${start / DELIVERY_CHUNK}`,
          chunk,
        );
        delivered += done ?? 0;
      }
    }
    return { delivered };
  }

  // ---- audit ----

  listAudit(caller: AdminCaller, query: ListAuditQuery): Promise<AuditPage> {
    requireAdmin(caller);
    return this.audit.list(query);
  }

  // ---- plumbing ----

  /** The one door to a change: the audit intent goes in with the work, and `AuditRepository.act` records it. */
  private act<T>(
    caller: AdminCaller,
    action: AuditAction,
    target: AuditTarget,
    work: (tx: AdminTransaction) => Promise<Audited<T>>,
  ): Promise<T> {
    requireAdmin(caller);
    const intent: AuditIntent = { actor: caller.auth.uid, action, target, requestId: caller.requestId };
    return this.audit.act(intent, work);
  }

  private async requireUser(uid: string): Promise<AdminUser> {
    const user = await this.users.getAdminView(uid);
    if (!user) throw profileMissing(uid);
    return user;
  }
}

function requireAdmin(caller: AdminCaller): void {
  if (!caller.auth.admin) throw AppError.permissionDenied('This operation needs the admin role.');
}

function toAdminChat(record: ChatRecord): AdminChat {
  const { membership: _membership, ...chat } = toChat(record, null);
  return chat;
}

function profileMissing(uid: string): AppError {
  return AppError.notFound(`No profile exists for user ${uid}.`);
}

function chatMissing(chatId: string): AppError {
  return AppError.notFound(`No chat ${chatId}.`);
}

function badCursor(): AppError {
  return AppError.invalidArgument('Invalid query.cursor: pass back a cursor this API returned.', [
    { path: 'cursor', message: 'Not a cursor this API returned.' },
  ]);
}

/** Search cursors: the sort value and id of the last item, as opaque base64url. */
function encodePair(pair: [string, string]): string {
  return Buffer.from(JSON.stringify(pair)).toString('base64url');
}

function decodePair(value: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === 'string')) {
      return [parsed[0] as string, parsed[1] as string];
    }
  } catch {
    // falls through to the 400
  }
  throw badCursor();
}

/**
 * Runs an audited action that also changes Firebase Auth: reads the account's state first, and if the
 * transaction fails after the Auth change was made, puts Auth back (see `AdminService`).
 */
export async function withAuthChange<S, T>(
  read: () => Promise<S>,
  restore: (previous: S) => Promise<void>,
  run: (previous: S) => Promise<T>,
): Promise<T> {
  const previous = await read();
  try {
    return await run(previous);
  } catch (error) {
    await restore(previous).catch(() => undefined);
    throw error;
  }
}

/** Refuses a caller without the admin claim (the routes check too; this guards every other entry point). */
export function requireAdminCaller(caller: AdminCaller): void {
  requireAdmin(caller);
}
