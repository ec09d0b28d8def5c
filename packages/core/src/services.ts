import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { slackOf, type UserLimitsConfig } from './config-schemas';
import type { LogSink } from './log-entry';
import { AccountDirectory } from './repositories/account-directory';
import { AnnouncementRepository } from './repositories/announcement-repository';
import { AuditRepository } from './repositories/audit-repository';
import { ChatRepository } from './repositories/chat-repository';
import { FanOutRepository } from './repositories/fan-out-repository';
import { MessageRepository } from './repositories/message-repository';
import { NotificationRepository } from './repositories/notification-repository';
import { FirestoreRateLimitCounter, limiterPrefix } from './repositories/rate-limit-counter';
import { RevocationRepository } from './repositories/revocation-repository';
import { UserRepository } from './repositories/user-repository';
import { AdminService } from './services/admin-service';
import { AccountService } from './services/account-service';
import { ChatAccess } from './services/chat-access';
import { ChatService } from './services/chat-service';
import { FanOutService } from './services/fan-out-service';
import { MemberService } from './services/member-service';
import { MessageService } from './services/message-service';
import { NotificationService } from './services/notification-service';
import { ReadStateService } from './services/read-state-service';
import { MESSAGE_SEND_LIMITER, SendLimit } from './services/send-limit';
import { CHAT_CREATE_LIMITER, MEMBER_ADD_LIMITER } from './services/chat-limits';
import { UserLimit } from './services/user-limit';
import { UserService } from './services/user-service';

/** Every domain service, wired to one Firestore. The functions and the relay both build theirs here. */
export interface Services {
  users: UserService;
  /** What app admins do to accounts (revoke, disable): audited, with Firebase Auth and a revocation record. */
  accounts: AccountService;
  notifications: NotificationService;
  chats: ChatService;
  members: MemberService;
  messages: MessageService;
  readState: ReadStateService;
  /** What the Firestore triggers do. */
  fanOut: FanOutService;
  /** What app admins do; every change with its audit record. */
  admin: AdminService;
}

export interface ServicesOptions {
  /** The per-user limits: sends, chat creation, member adds. @default no limit */
  limits?: UserLimitsConfig;
  /** Where the domain logs what it must (a send limit that could not be counted). @default nowhere */
  log?: LogSink;
}

/**
 * Every service over one Firestore (and the project's Firebase Auth, which the account operations change).
 * Build it once per process: the send limit remembers who is over it.
 */
export function createServices(db: Firestore, auth: Auth, options: ServicesOptions = {}): Services {
  const userRepository = new UserRepository(db);
  const notificationRepository = new NotificationRepository(db);
  const chatRepository = new ChatRepository(db);
  const messageRepository = new MessageRepository(db);
  const fanOutRepository = new FanOutRepository(db, chatRepository, messageRepository);
  const access = new ChatAccess(chatRepository);
  const limits = options.limits ?? { windowSeconds: 60, sendsPerUser: 0 };
  const log = options.log ?? (() => undefined);
  /** A per-user counter in Firestore for `name`, or none when its budget is 0 (no limit). */
  const counterFor = (name: string, budget: number, slack = 0) =>
    budget > 0
      ? new FirestoreRateLimitCounter(db, {
          prefix: limiterPrefix(name),
          windowMs: limits.windowSeconds * 1000,
          limit: budget,
          slack,
          onError: (error) =>
            log({
              severity: 'ERROR',
              message: `Rate limit "${name}" could not reach Firestore: ${error instanceof Error ? error.message : String(error)}`,
              limiter: name,
            }),
        })
      : undefined;
  // Chat creation and member adds are rare and weighted (a group counts its members), so they are counted
  // in Firestore first; sends are the hot path and may use the configured slack.
  const userLimit = (name: string, budget: number) =>
    new UserLimit(name, counterFor(name, budget), budget, limits.windowSeconds, log);
  const sendLimit = new SendLimit(
    counterFor(MESSAGE_SEND_LIMITER, limits.sendsPerUser, slackOf(limits.sendsPerUser, limits.slackPercent)),
    limits,
    log,
  );
  const chatLimits = {
    create: userLimit(CHAT_CREATE_LIMITER, limits.chatsPerUser ?? 0),
    addMembers: userLimit(MEMBER_ADD_LIMITER, limits.memberAddsPerUser ?? 0),
  };
  const chats = new ChatService(chatRepository, userRepository, access, chatLimits);
  const announcements = new AnnouncementRepository(db, notificationRepository);
  const revocations = new RevocationRepository(db);
  const audit = new AuditRepository(db, {
    users: userRepository,
    chats: chatRepository,
    announcements,
    revocations,
  });
  const accounts = new AccountDirectory(auth);
  return {
    users: new UserService(userRepository),
    accounts: new AccountService(accounts, audit),
    notifications: new NotificationService(notificationRepository),
    chats,
    members: new MemberService(chatRepository, userRepository, access, chatLimits),
    messages: new MessageService(chatRepository, messageRepository, access, sendLimit, chats),
    readState: new ReadStateService(chatRepository, fanOutRepository, access),
    fanOut: new FanOutService(chatRepository, fanOutRepository, notificationRepository, userRepository),
    admin: new AdminService(audit, userRepository, chatRepository, announcements, accounts),
  };
}

/** The repositories the relay's feeds read from: every Firestore path and query lives in them. */
export interface FeedRepositories {
  chats: ChatRepository;
  messages: MessageRepository;
  notifications: NotificationRepository;
  /** The revocation records the admin operations write, which every relay instance listens to. */
  revocations: RevocationRepository;
}

export function createFeedRepositories(db: Firestore): FeedRepositories {
  return {
    chats: new ChatRepository(db),
    messages: new MessageRepository(db),
    notifications: new NotificationRepository(db),
    revocations: new RevocationRepository(db),
  };
}
