import { createHash } from 'node:crypto';
import type { ChatRepository, ChatRecord, MemberRecord } from '../repositories/chat-repository';
import type { FanOutRepository } from '../repositories/fan-out-repository';
import { compareTimes } from '../repositories/firestore-time';
import type { MessageRecord } from '../repositories/message-repository';
import type { NewNotification, NotificationRepository } from '../repositories/notification-repository';
import type { UserRepository } from '../repositories/user-repository';
import { plainLine } from '../schemas/plain-text';
import { settleAll } from '../settle-all';

/** What one message-created event did; a replay reports zeros. */
export interface MessageFanOut {
  /** Members whose unread count went up. */
  counted: number;
  /** Notifications written. */
  notified: number;
}

/** How long a notification's body quotes the message. */
const PREVIEW_LENGTH = 140;

/** Which of the 16 fan-out buckets a member falls in: fixed by the uid, so a replay splits the same way. */
export function bucketOf(uid: string): string {
  return createHash('sha256').update(uid).digest('hex').slice(0, 1);
}

/**
 * What the Firestore triggers do, safe under at-least-once and out-of-order delivery: every step reads the
 * current state, claims its work with a deterministic id in a transaction or a create(), and so does
 * nothing the second time.
 */
export class FanOutService {
  constructor(
    private readonly chats: ChatRepository,
    private readonly fanOut: FanOutRepository,
    private readonly notifications: NotificationRepository,
    private readonly users: UserRepository,
  ) {}

  /**
   * A message was created:
   * 1. the chat's last message moves to it, unless a later one is there already;
   * 2. every other member who joined before it and has not read past it gets `unreadCount + 1`, once — one
   *    transaction per hash bucket of members, each claimed by a marker document;
   * 3. every other member who is not muted gets a notification `msg_{chatId}_{messageId}`, through a
   *    BulkWriter with create().
   * A system message (a member added, a rename…) does none of this: it is not news to count or announce.
   * When all three are done, a marker says so: a replay of a finished fan-out stops at its first read
   * (the marker's), instead of reading every member to find each step claimed.
   */
  async messageCreated(chatId: string, messageId: string): Promise<MessageFanOut> {
    const { message, done } = await this.fanOut.advanceLastMessage(chatId, messageId);
    if (done || !message || message.type === 'system') return { counted: 0, notified: 0 };
    const [chat, members, senderName] = await Promise.all([
      this.chats.get(chatId),
      this.chats.allMembers(chatId),
      this.displayName(message.senderId),
    ]);
    if (!chat) return { counted: 0, notified: 0 };
    const recipients = members.filter(
      (member) => member.uid !== message.senderId && compareTimes(member.joinedAt, message.createdAt) <= 0,
    );

    const notice = messageNotice(chat, message, senderName);
    const buckets = new Map<string, string[]>();
    for (const member of recipients) {
      const bucket = bucketOf(member.uid);
      buckets.set(bucket, [...(buckets.get(bucket) ?? []), member.uid]);
    }
    // Counting (one transaction per bucket) and notifying touch different documents, so they all run side
    // by side. All are settled before a failure is thrown: none may still be writing after the event
    // returned, and the retry redoes only what was not claimed.
    const [counted, notified] = await settleAll([
      settleAll([...buckets].map(([bucket, uids]) => this.fanOut.countUnread(message, bucket, uids))),
      // A message deleted before its event arrived is counted (it keeps its place) but announced to nobody.
      message.deletedAt
        ? Promise.resolve(0)
        : this.notifications.createMany(
            recipients
              .filter((member) => !member.muted)
              .map((member) => ({
                uid: member.uid,
                id: `msg_${chatId}_${messageId}`,
                notification: notice,
              })),
          ),
    ]);
    await this.fanOut.markDone(chatId, messageId);
    return { counted: counted.reduce((sum, uids) => sum + (uids?.length ?? 0), 0), notified };
  }

  /**
   * A member was added: they get one notification `added_{chatId}_{joinedAt}` (not when they created the
   * chat themselves, and not when they have left again by the time the event arrives). Its wording is the
   * server's: a fixed title, and a body that quotes the adder's name and the group title as plain, bounded
   * text (see `addedNotice`), so whoever adds people cannot choose what their inbox says.
   */
  async memberAdded(chatId: string, uid: string): Promise<boolean> {
    const [member, chat] = await Promise.all([this.chats.getMember(chatId, uid), this.chats.get(chatId)]);
    if (!member || !chat || !member.addedBy || member.addedBy === uid) return false;
    const adder = await this.displayName(member.addedBy);
    return this.notifications.createOnce(uid, addedNotificationId(chatId, member), addedNotice(chat, adder));
  }

  private async displayName(uid: string): Promise<string> {
    return (await this.users.get(uid))?.displayName ?? 'Someone';
  }
}

/** The notice a message's recipients get: the sender's name (and the group's title) and a preview. */
function messageNotice(chat: ChatRecord, message: MessageRecord, senderName: string): NewNotification {
  const sender = plainLine(senderName, NOTICE_NAME_LENGTH) || 'Someone';
  const text =
    message.text.length > PREVIEW_LENGTH ? `${message.text.slice(0, PREVIEW_LENGTH - 1)}…` : message.text;
  return {
    type: 'message',
    title:
      chat.type === 'group'
        ? `${sender} in ${plainLine(chat.title ?? '', NOTICE_TITLE_LENGTH) || 'a group'}`
        : sender,
    body: text,
    subject: `chats/${chat.id}/messages/${message.id}`,
  };
}

/** Longest adder name and group title an added-member notice quotes, in characters. */
const NOTICE_NAME_LENGTH = 40;
const NOTICE_TITLE_LENGTH = 60;

/**
 * The notice a new member gets: at most 13 + 40 + 16 + 60 + 2 = 131 characters of body, on one line,
 * whatever the adder's name and the group title hold.
 */
export function addedNotice(chat: ChatRecord, adderName: string): NewNotification {
  const adder = plainLine(adderName, NOTICE_NAME_LENGTH) || 'Someone';
  const subject = `chats/${chat.id}`;
  if (chat.type === 'direct') {
    return {
      type: 'member-added',
      title: 'New direct chat',
      body: `${adder} started a chat with you.`,
      subject,
    };
  }
  const title = plainLine(chat.title ?? '', NOTICE_TITLE_LENGTH) || 'a group';
  return {
    type: 'member-added',
    title: 'You were added to a group',
    body: `${adder} added you to “${title}”.`,
    subject,
  };
}

function addedNotificationId(chatId: string, member: MemberRecord): string {
  const { seconds, nanoseconds } = member.joinedAt;
  return `added_${chatId}_${seconds}${String(nanoseconds).padStart(9, '0')}`;
}
