/** Chats: search by title or member; one chat with its members and messages; remove, moderate, delete. */
import {
  Datagrid,
  DateField,
  DeleteWithConfirmButton,
  FunctionField,
  List,
  Pagination,
  ReferenceManyField,
  SearchInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import type { AdminChatRecord, MemberRecord, MessageRecord } from './data-provider';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Title starts with…" />,
  <TextInput key="member" source="member" label="Member (user id)" />,
];

export function ChatList() {
  return (
    <List filters={filters} sort={{ field: 'lastActivityAt', order: 'DESC' }} perPage={25} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="id" label="Chat id" sortable={false} />
        <TextField source="type" sortable={false} />
        <TextField source="title" sortable={false} emptyText="(direct)" />
        <FunctionField<AdminChatRecord> label="Members" render={(chat) => chat.memberIds.length} />
        <TextField source="lastMessage.text" label="Last message" sortable={false} emptyText="—" />
        <DateField source="lastActivityAt" label="Last activity" showTime sortable={false} />
      </Datagrid>
    </List>
  );
}

function ChatActions() {
  const chat = useRecordContext<AdminChatRecord>();
  if (!chat) return null;
  return (
    <TopToolbar>
      <DeleteWithConfirmButton
        label="Delete chat"
        mutationMode="pessimistic"
        confirmTitle={`Delete ${chat.title ?? 'this direct chat'}?`}
        confirmContent="The chat and its whole history are deleted for every member. This cannot be undone."
        redirect="list"
      />
    </TopToolbar>
  );
}

/** A message as moderators read it: a tombstone says who removed it. */
function MessageText() {
  const message = useRecordContext<MessageRecord>();
  if (!message) return null;
  if (message.type === 'system') return <em>{message.system?.event ?? 'system event'}</em>;
  if (message.moderated) return <em>Removed by moderation</em>;
  if (message.deletedAt) return <em>Deleted by its sender</em>;
  return <span>{message.text}</span>;
}

/** After a moderation or a removal the rows are read again: a tombstone stays, with its new look. */
function useDone(message: string) {
  const notify = useNotify();
  const refresh = useRefresh();
  return {
    onSuccess: () => {
      notify(message, { type: 'success' });
      refresh();
    },
  };
}

function ModerateButton() {
  const message = useRecordContext<MessageRecord>();
  const done = useDone('Message removed by moderation');
  if (!message || message.deletedAt || message.type === 'system') return null;
  return (
    <DeleteWithConfirmButton
      label="Moderate"
      mutationMode="pessimistic"
      mutationOptions={done}
      redirect={false}
      confirmTitle="Remove this message?"
      confirmContent="It becomes a tombstone that says it was removed by moderation, live for everyone in the chat."
    />
  );
}

function RemoveMemberButton() {
  const member = useRecordContext<MemberRecord>();
  const done = useDone('Member removed');
  if (!member) return null;
  return (
    <DeleteWithConfirmButton
      label="Remove"
      mutationMode="pessimistic"
      mutationOptions={done}
      redirect={false}
      confirmTitle={`Remove ${member.uid} from this chat?`}
      confirmContent="They lose the chat at once and see nothing sent after."
    />
  );
}

export function ChatShow() {
  return (
    <Show actions={<ChatActions />}>
      <SimpleShowLayout>
        <TextField source="id" label="Chat id" />
        <TextField source="type" />
        <TextField source="title" emptyText="(direct)" />
        <TextField source="createdBy" label="Created by" />
        <DateField source="createdAt" label="Created" showTime />
        <ReferenceManyField
          label="Members"
          reference="members"
          target="chatId"
          perPage={25}
          pagination={<Pagination rowsPerPageOptions={[25]} />}
        >
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <TextField source="uid" label="User id" sortable={false} />
            <TextField source="role" sortable={false} />
            <DateField source="joinedAt" label="Joined" showTime sortable={false} />
            <RemoveMemberButton />
          </Datagrid>
        </ReferenceManyField>
        <ReferenceManyField
          label="Messages (newest first)"
          reference="messages"
          target="chatId"
          perPage={25}
          pagination={<Pagination rowsPerPageOptions={[25]} />}
        >
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <DateField source="createdAt" label="Sent" showTime sortable={false} />
            <TextField source="senderId" label="Sender" sortable={false} />
            <FunctionField label="Text" render={() => <MessageText />} />
            <ModerateButton />
          </Datagrid>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
