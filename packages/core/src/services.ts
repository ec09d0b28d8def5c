import type { Firestore } from 'firebase-admin/firestore';
import { NotificationRepository } from './repositories/notification-repository';
import { UserRepository } from './repositories/user-repository';
import { NotificationService } from './services/notification-service';
import { UserService } from './services/user-service';

/** Every domain service, wired to one Firestore. The functions and the relay both build theirs here. */
export interface Services {
  users: UserService;
  notifications: NotificationService;
}

export function createServices(db: Firestore): Services {
  return {
    users: new UserService(new UserRepository(db)),
    notifications: new NotificationService(new NotificationRepository(db)),
  };
}
