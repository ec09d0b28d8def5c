import type { AuthContext } from '../auth';
import { AppError } from '../errors';
import { toMember, type ChatRepository } from '../repositories/chat-repository';
import type { FanOutRepository } from '../repositories/fan-out-repository';
import { comparePositions } from '../repositories/firestore-time';
import type { Member } from '../schemas/member';
import type { MarkReadBody, UnreadCounts } from '../schemas/read-state';
import type { ChatAccess } from './chat-access';

/** The most chats `unreadCounts` reports on. */
const MAX_CHATS_COUNTED = 500;

/** Read positions and unread counts. */
export class ReadStateService {
  constructor(
    private readonly chats: ChatRepository,
    private readonly fanOut: FanOutRepository,
    private readonly access: ChatAccess,
  ) {}

  /**
   * Marks everything up to and including `messageId` read. The position only moves forward (an older
   * message changes nothing), and `unreadCount` becomes the number of messages counted for the caller
   * after it, recounted in the same transaction so a trigger running at the same time is never lost or
   * counted twice.
   */
  async markRead(auth: AuthContext, chatId: string, body: MarkReadBody): Promise<Member> {
    await this.chats.transaction(async (tx) => {
      const member = await this.access.memberIn(tx, auth, chatId);
      const message = await tx.message(chatId, body.messageId);
      if (!message) throw AppError.notFound(`No message ${body.messageId} in this chat.`);
      const position = { time: message.createdAt, id: message.id };
      if (
        member.lastReadAt &&
        member.lastReadMessageId &&
        comparePositions(position, { time: member.lastReadAt, id: member.lastReadMessageId }) <= 0
      ) {
        return;
      }
      // Only messages since this membership began were ever counted (a member may have left and come back).
      const joined = { time: member.joinedAt, id: '' };
      const from = comparePositions(position, joined) >= 0 ? position : joined;
      const unreadCount = await this.fanOut.countedAfter(tx, chatId, auth.uid, {
        seconds: from.time.seconds,
        nanos: from.time.nanoseconds,
        id: from.id,
      });
      tx.setReadPosition(chatId, auth.uid, message, unreadCount);
    });
    return toMember(await this.access.member(auth, chatId));
  }

  /** The unread count of each of the caller's chats (up to 500), and their total. */
  async unreadCounts(auth: AuthContext): Promise<UnreadCounts> {
    const chatIds = await this.chats.chatIdsOf(auth.uid, MAX_CHATS_COUNTED);
    const memberships = await this.chats.getMemberships(auth.uid, chatIds);
    const chats = chatIds.flatMap((chatId, i) => {
      const member = memberships[i];
      return member ? [{ chatId, unreadCount: member.unreadCount }] : [];
    });
    return { total: chats.reduce((sum, chat) => sum + chat.unreadCount, 0), chats };
  }
}
