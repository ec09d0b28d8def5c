import type { Firestore } from 'firebase-admin/firestore';
import { createServices } from '@chat/core';
import type { ChatDomain } from './chat-domain';
import { coreChatDomain } from './core-chat-domain';

/** The chat domain the relay runs with unless a test passes its own: the core services over `db`. */
export function defaultChatDomain(db: Firestore): ChatDomain {
  return coreChatDomain(createServices(db));
}
