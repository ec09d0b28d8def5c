/** The signed-in app: the chat list beside the open conversation, the inbox, and the new-chat dialog. */
import { useEffect, useMemo, useState } from 'react';
import { ChatListStore } from '../lib/chat-list-store';
import { InboxStore } from '../lib/inbox-store';
import type { Session } from '../lib/session';
import { useRoute } from '../hooks/use-route';
import { useStore } from '../hooks/use-store';
import { DirectoryStore } from '../lib/directory-store';
import { ChatList } from '../components/chat-list';
import { ConversationView } from './conversation-view';
import { InboxPanel } from '../components/inbox-panel';
import { NewChatDialog } from '../components/new-chat-dialog';

export function ChatView({ session, onSignOut }: { session: Session; onSignOut(): void }) {
  const chatList = useMemo(() => new ChatListStore(session), [session]);
  const inbox = useMemo(() => new InboxStore(session), [session]);
  const { connection } = useStore(session);
  const { notifications } = useStore(inbox);
  const directoryStore = useMemo(() => new DirectoryStore(session.api), [session]);
  useStore(directoryStore); // re-render as names arrive
  const directory = { nameOf: directoryStore.nameOf };
  const { chatId, navigate } = useRoute();
  const [panel, setPanel] = useState<'none' | 'inbox' | 'new-chat'>('none');

  useEffect(() => chatList.start(), [chatList]);
  useEffect(() => inbox.start(), [inbox]);

  useEffect(() => chatList.setActive(chatId), [chatList, chatId]);

  const unreadNotifications = notifications.filter((n) => !n.readAt).length;
  return (
    <div className={`chat-app ${chatId ? 'has-open-chat' : ''}`}>
      <header className="top-bar">
        <h1>Chat</h1>
        <span className={`connection ${connection}`} role="status" aria-live="polite">
          {connection === 'online' ? 'Online' : connection === 'offline' ? 'Offline' : 'Connecting…'}
        </span>
        <span className="me">{directory.nameOf(session.uid)}</span>
        <button
          type="button"
          onClick={() => setPanel(panel === 'inbox' ? 'none' : 'inbox')}
          aria-expanded={panel === 'inbox'}
        >
          Notifications
          {unreadNotifications > 0 && (
            <span className="badge" aria-label={`${unreadNotifications} unread notifications`}>
              {unreadNotifications}
            </span>
          )}
        </button>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <ChatList
        store={chatList}
        activeId={chatId}
        nameOf={directory.nameOf}
        me={session.uid}
        onOpen={(id) => navigate(`/chats/${encodeURIComponent(id)}`)}
        onNew={() => setPanel('new-chat')}
      />
      <main className="conversation-pane">
        {chatId ? (
          <ConversationView
            key={chatId}
            session={session}
            chatId={chatId}
            chatList={chatList}
            directory={directory}
            onClose={() => navigate('/')}
          />
        ) : (
          <p className="empty">Pick a chat, or start a new one.</p>
        )}
      </main>
      {panel === 'inbox' && (
        <InboxPanel
          store={inbox}
          onClose={() => setPanel('none')}
          onOpenChat={(id) => navigate(`/chats/${encodeURIComponent(id)}`)}
        />
      )}
      {panel === 'new-chat' && (
        <NewChatDialog
          session={session}
          onClose={() => setPanel('none')}
          onCreated={(chat) => {
            chatList.add(chat);
            setPanel('none');
            navigate(`/chats/${encodeURIComponent(chat.id)}`);
          }}
        />
      )}
    </div>
  );
}
