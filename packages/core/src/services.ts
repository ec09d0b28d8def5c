import type { Firestore } from 'firebase-admin/firestore';
import { ChatRepository } from './repositories/chat-repository';
import { FanOutRepository } from './repositories/fan-out-repository';
import { MessageRepository } from './repositories/message-repository';
import { NotificationRepository } from './repositories/notification-repository';
import { UserRepository } from './repositories/user-repository';
import { ChatAccess } from './services/chat-access';
import { ChatService } from './services/chat-service';
import { FanOutService } from './services/fan-out-service';
import { MemberService } from './services/member-service';
import { MessageService } from './services/message-service';
import { NotificationService } from './services/notification-service';
import { ReadStateService } from './services/read-state-service';
import { UserService } from './services/user-service';

/** Every domain service, wired to one Firestore. The functions and the relay both build theirs here. */
export interface Services {
  users: UserService;
  notifications: NotificationService;
  chats: ChatService;
  members: MemberService;
  messages: MessageService;
  readState: ReadStateService;
  /** What the Firestore triggers do. */
  fanOut: FanOutService;
}

export function createServices(db: Firestore): Services {
  const userRepository = new UserRepository(db);
  const notificationRepository = new NotificationRepository(db);
  const chatRepository = new ChatRepository(db);
  const messageRepository = new MessageRepository(db);
  const fanOutRepository = new FanOutRepository(db, chatRepository, messageRepository);
  const access = new ChatAccess(chatRepository);
  return {
    users: new UserService(userRepository),
    notifications: new NotificationService(notificationRepository),
    chats: new ChatService(chatRepository, userRepository, access),
    members: new MemberService(chatRepository, userRepository, access),
    messages: new MessageService(chatRepository, messageRepository, access),
    readState: new ReadStateService(chatRepository, messageRepository, fanOutRepository, access),
    fanOut: new FanOutService(chatRepository, fanOutRepository, notificationRepository, userRepository),
  };
}
