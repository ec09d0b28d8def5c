/** The audit log: every admin action, newest first, filtered by actor, action or target. */
import { Datagrid, DateField, FunctionField, List, SelectInput, TextField, TextInput } from 'react-admin';
import type { AuditAction, AuditRecordRow } from './data-provider';

const actions: AuditAction[] = [
  'user.update-profile',
  'user.disable',
  'user.enable',
  'user.revoke-sessions',
  'user.grant-admin',
  'user.remove-admin',
  'chat.remove-member',
  'chat.delete',
  'message.moderate',
  'announcement.send',
];

const filters = [
  <TextInput key="actor" source="actor" label="Actor (user id)" alwaysOn />,
  <SelectInput key="action" source="action" choices={actions.map((id) => ({ id, name: id }))} alwaysOn />,
  <TextInput key="targetId" source="targetId" label="Target id" />,
];

const json = (value: unknown) => (value === null ? '—' : JSON.stringify(value));

export function AuditList() {
  return (
    <List
      title="Audit log"
      filters={filters}
      sort={{ field: 'at', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="at" label="When" showTime sortable={false} />
        <TextField source="actor" sortable={false} />
        <TextField source="action" sortable={false} />
        <FunctionField<AuditRecordRow> label="Target" render={(r) => `${r.target.type} ${r.target.id}`} />
        <FunctionField<AuditRecordRow> label="Before" render={(r) => json(r.before)} />
        <FunctionField<AuditRecordRow> label="After" render={(r) => json(r.after)} />
        <TextField source="requestId" label="Request id" sortable={false} />
      </Datagrid>
    </List>
  );
}
