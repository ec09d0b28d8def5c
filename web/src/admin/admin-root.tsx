/**
 * The admin panel (`/admin`), loaded on demand so the chat app's bundle does not carry it. It signs in with
 * the app's Firebase Auth session, then asks the admin API once: only an admin gets past that (the API
 * answers everyone else 403, whatever this page shows), and only then does react-admin mount and read data.
 */
import { useEffect, useMemo, useState } from 'react';
import { onAuthStateChanged, signOut, type Auth, type User } from 'firebase/auth';
import { Alert, Box, Button, Typography } from '@mui/material';
import { Admin, bwDarkTheme, bwLightTheme, CustomRoutes, Resource } from 'react-admin';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError, createApiClient } from '@chat/client';
import type { WebConfig } from '../config';
import { describeError } from '../lib/api';
import { AdminLayout } from './admin-layout';
import { AdminSignIn } from './admin-sign-in';
import { AnnouncementSend } from './announcements';
import { AuditList } from './audit';
import { createAuthProvider } from './auth-provider';
import { ChatList, ChatShow } from './chats';
import { createAdminDataProvider } from './data-provider';
import { RelayLive } from './relay-live';
import { UserEdit, UserList, UserShow } from './users';

type Access = { state: 'checking' } | { state: 'admin' } | { state: 'refused'; reason: string };

interface Props {
  config: WebConfig;
  auth: Auth;
}

export default function AdminRoot({ config, auth }: Props) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [access, setAccess] = useState<Access>({ state: 'checking' });
  useEffect(() => onAuthStateChanged(auth, setUser), [auth]);

  const api = useMemo(
    () => createApiClient({ baseUrl: config.apiUrl, getIdToken: () => auth.currentUser?.getIdToken() }),
    [config, auth],
  );
  const dataProvider = useMemo(() => createAdminDataProvider(api), [api]);
  const authProvider = useMemo(() => createAuthProvider(auth), [auth]);

  useEffect(() => {
    if (!user) return undefined;
    let cancelled = false;
    setAccess({ state: 'checking' });
    // The server decides: one admin call, and only a 2xx lets the panel in.
    api.GET('/admin/users', { params: { query: { limit: 1 } } }).then(
      () => !cancelled && setAccess({ state: 'admin' }),
      (error: unknown) =>
        !cancelled &&
        setAccess({
          state: 'refused',
          reason:
            error instanceof ApiError
              ? `${error.status} ${error.code}: ${error.message}`
              : describeError(error),
        }),
    );
    return () => {
      cancelled = true;
    };
  }, [user, api]);

  if (user === undefined || (user && access.state === 'checking'))
    return (
      <Typography role="status" sx={{ m: 4 }}>
        Loading…
      </Typography>
    );
  if (!user) return <AdminSignIn auth={auth} />;
  if (access.state === 'refused')
    return (
      <Box component="main" sx={{ m: 4, maxWidth: 640 }}>
        <Typography variant="h5" component="h1" gutterBottom>
          Not an admin
        </Typography>
        <Alert severity="warning" data-testid="not-admin">
          {user.email ?? user.uid} is signed in but is not an app admin, so the panel shows nothing. The admin
          API answered: {access.reason}
        </Alert>
        <Box sx={{ mt: 2, display: 'flex', gap: 2 }}>
          <Button variant="contained" onClick={() => void signOut(auth)}>
            Sign out
          </Button>
          <Button href="/">Back to the chat app</Button>
        </Box>
      </Box>
    );

  // Real paths (/admin/users/…), not react-admin's default hash routes: links to a record can be shared,
  // and the app's index.html already answers every /admin path. <Admin> uses the router around it.
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="/admin/*"
          element={
            <Admin
              basename="/admin"
              title="Chat admin"
              dataProvider={dataProvider}
              authProvider={authProvider}
              layout={AdminLayout}
              // react-admin's black-and-white themes: its default blue app bar and buttons fall short of
              // WCAG AA's text contrast (axe: color-contrast), these meet it.
              theme={bwLightTheme}
              darkTheme={bwDarkTheme}
              disableTelemetry
            >
              <Resource
                name="users"
                list={UserList}
                show={UserShow}
                edit={UserEdit}
                recordRepresentation="displayName"
              />
              <Resource name="chats" list={ChatList} show={ChatShow} recordRepresentation="title" />
              <Resource name="members" />
              <Resource name="messages" />
              <Resource name="announcements" list={AnnouncementSend} />
              <Resource name="audit" list={AuditList} options={{ label: 'Audit log' }} />
              <CustomRoutes>
                <Route path="/relay" element={<RelayLive relayUrl={config.relayUrl} auth={auth} />} />
              </CustomRoutes>
            </Admin>
          }
        />
      </Routes>
    </BrowserRouter>
  );
}
