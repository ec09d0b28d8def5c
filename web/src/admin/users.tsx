/** Users: search by email, display name or uid prefix; one user with their chats; profile, account and role. */
import {
  ArrayField,
  BooleanField,
  Datagrid,
  DateField,
  Edit,
  EditButton,
  List,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useDataProvider,
  useGetIdentity,
  useRecordContext,
} from 'react-admin';
import { ConfirmButton } from './confirm-button';
import type { AdminDataProvider, AdminUserRecord } from './data-provider';

const searchBy = [
  { id: 'email', name: 'Email' },
  { id: 'displayName', name: 'Display name' },
  { id: 'uid', name: 'User id' },
];

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Starts with…" />,
  <SelectInput key="by" source="by" label="Search by" choices={searchBy} alwaysOn emptyText="Email" />,
];

export function UserList() {
  return (
    <List
      filters={filters}
      filterDefaultValues={{ by: 'email' }}
      sort={{ field: 'uid', order: 'ASC' }}
      perPage={25}
      exporter={false}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="uid" label="User id" sortable={false} />
        <TextField source="displayName" label="Display name" sortable={false} />
        <TextField source="email" sortable={false} emptyText="—" />
        <BooleanField source="disabled" sortable={false} />
        <BooleanField source="admin" label="Admin" sortable={false} />
      </Datagrid>
    </List>
  );
}

/** Disable or enable, revoke sessions, grant or remove the admin role: each asks first. */
function UserActions() {
  const user = useRecordContext<AdminUserRecord>();
  const provider = useDataProvider<AdminDataProvider>();
  const { identity } = useGetIdentity();
  if (!user) return null;
  const self = identity?.id === user.uid;
  const name = user.displayName || user.uid;
  return (
    <TopToolbar>
      <EditButton />
      {!self && (
        <ConfirmButton
          label={user.disabled ? 'Enable account' : 'Disable account'}
          color={user.disabled ? 'primary' : 'error'}
          title={user.disabled ? `Enable ${name}?` : `Disable ${name}?`}
          content={
            user.disabled
              ? 'They can sign in again.'
              : 'They are signed out everywhere at once: their open pages and sockets close, and the API refuses them.'
          }
          done={user.disabled ? 'Account enabled' : 'Account disabled'}
          run={() => provider.setDisabled(user.uid, !user.disabled)}
        />
      )}
      <ConfirmButton
        label="Revoke sessions"
        title={`Revoke every session of ${name}?`}
        content="Their sockets close within seconds and they must sign in again."
        done="Sessions revoked"
        run={() => provider.revokeSessions(user.uid)}
      />
      {!self && (
        <ConfirmButton
          label={user.admin ? 'Remove admin role' : 'Make admin'}
          title={user.admin ? `Remove the admin role from ${name}?` : `Make ${name} an admin?`}
          content={
            user.admin
              ? 'They lose access to this panel and the admin API.'
              : 'They get every power of this panel.'
          }
          done={user.admin ? 'Admin role removed' : 'Admin role granted'}
          run={() => provider.setAdminClaim(user.uid, !user.admin)}
        />
      )}
    </TopToolbar>
  );
}

export function UserShow() {
  return (
    <Show actions={<UserActions />}>
      <SimpleShowLayout>
        <TextField source="uid" label="User id" />
        <TextField source="displayName" label="Display name" />
        <TextField source="email" emptyText="—" />
        <TextField source="bio" emptyText="—" />
        <BooleanField source="disabled" />
        <BooleanField source="admin" label="Admin" />
        <DateField source="createdAt" label="Created" showTime />
        <ArrayField source="chats" label="Their chats (most recent activity first)">
          <Datagrid
            bulkActionButtons={false}
            rowClick={(id) => `/chats/${id}/show`}
            empty={<p>No chats.</p>}
            // Inside a show view the cells take the field label's grey, too faint for WCAG AA (axe).
            sx={{ '& .MuiTableCell-root, & .MuiTableCell-root span': { color: 'text.primary', opacity: 1 } }}
          >
            <TextField source="id" label="Chat id" />
            <TextField source="type" />
            <TextField source="title" emptyText="(direct)" />
            <DateField source="lastActivityAt" label="Last activity" showTime />
          </Datagrid>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  );
}

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TextInput source="uid" label="User id" disabled />
        <TextInput source="displayName" label="Display name" />
        <TextInput source="photoURL" label="Photo URL" />
        <TextInput source="bio" multiline />
      </SimpleForm>
    </Edit>
  );
}
