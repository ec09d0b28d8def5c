/** Announcements: a notification to one user or to everyone, delivered by the API's trigger. */
import { Create, SimpleForm, TextInput, required, useNotify } from 'react-admin';

export function AnnouncementSend() {
  const notify = useNotify();
  return (
    <Create
      title="Send an announcement"
      redirect={false}
      mutationOptions={{ onSuccess: () => notify('Announcement sent', { type: 'success' }) }}
    >
      <SimpleForm>
        <TextInput source="title" validate={required()} />
        <TextInput source="body" multiline validate={required()} />
        <TextInput source="to" label="To (a user id; empty sends to everyone)" />
      </SimpleForm>
    </Create>
  );
}
