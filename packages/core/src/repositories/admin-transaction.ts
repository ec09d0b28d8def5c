import { FieldValue, type Transaction } from 'firebase-admin/firestore';
import type { AdminUser } from '../schemas/admin-api';
import type { AnnouncementRepository, NewAnnouncement } from './announcement-repository';
import type { Revocation, RevocationRepository } from './revocation-repository';
import { ChatTransaction, type ChatRepository } from './chat-repository';
import { parseAdminUser, type UserPatch, type UserRepository } from './user-repository';

/** The repositories whose documents an admin action changes. */
export interface AdminTransactionRepositories {
  users: UserRepository;
  chats: ChatRepository;
  announcements: AnnouncementRepository;
  revocations: RevocationRepository;
}

/** The admin-only state kept on `users/{uid}`, mirrored from Firebase Auth. */
export interface UserFlags {
  disabled?: boolean;
  admin?: boolean;
}

/**
 * The writes admin actions make, inside one Firestore transaction. Only `AuditRepository.act` creates one,
 * and it writes the audit record in the same transaction: so there is no admin write without its record.
 * Reads come first (Firestore transactions read before they write).
 */
export class AdminTransaction {
  /** The chat, member and message operations, joined to this transaction. */
  readonly chats: ChatTransaction;

  constructor(
    private readonly tx: Transaction,
    private readonly repos: AdminTransactionRepositories,
  ) {
    this.chats = new ChatTransaction(repos.chats, tx);
  }

  async user(uid: string): Promise<AdminUser | null> {
    const snapshot = await this.tx.get(this.repos.users.doc(uid));
    return snapshot.exists ? parseAdminUser(uid, snapshot.data()) : null;
  }

  updateProfile(uid: string, patch: UserPatch): void {
    this.tx.update(this.repos.users.doc(uid), { ...patch, updatedAt: FieldValue.serverTimestamp() });
  }

  setUserFlags(uid: string, flags: UserFlags): void {
    this.tx.update(this.repos.users.doc(uid), { ...flags });
  }

  /** The record every relay instance listens to, to close the user's sockets. */
  recordRevocation(revocation: Revocation): void {
    this.repos.revocations.recordIn(this.tx, revocation);
  }

  createAnnouncement(id: string, announcement: NewAnnouncement): void {
    this.tx.create(this.repos.announcements.ref(id), this.repos.announcements.newData(announcement));
  }
}
