/**
 * The relay's live view: each instance's sockets, users and chat rooms, from the relay's admin-only
 * `GET /admin/live` (the ID token and admin claim checked there too), polled every few seconds.
 */
import { useEffect, useState } from 'react';
import type { Auth } from 'firebase/auth';
import {
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Title } from 'react-admin';

const POLL_MS = 3000;

interface InstanceSnapshot {
  instance: string;
  startedAt: string;
  sockets: { chat: number; notifications: number };
  users: number;
  roomCount: number;
  rooms: Array<{ room: string; sockets: number }>;
}

interface LiveViewReport {
  at: string;
  self: string;
  instances: InstanceSnapshot[];
  complete: boolean;
}

async function fetchReport(relayUrl: string, auth: Auth): Promise<LiveViewReport> {
  const token = await auth.currentUser?.getIdToken();
  const response = await fetch(`${relayUrl}/admin/live`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    cache: 'no-store',
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The relay answered ${response.status}.`);
  }
  return (await response.json()) as LiveViewReport;
}

export function RelayLive({ relayUrl, auth }: { relayUrl: string; auth: Auth }) {
  const [report, setReport] = useState<LiveViewReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () =>
      fetchReport(relayUrl, auth).then(
        (next) => {
          if (stopped) return;
          setReport(next);
          setError(null);
          timer = setTimeout(poll, POLL_MS);
        },
        (caught: unknown) => {
          if (stopped) return;
          setError(caught instanceof Error ? caught.message : String(caught));
          timer = setTimeout(poll, POLL_MS);
        },
      );
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [relayUrl, auth]);

  return (
    <Card>
      <Title title="Relay live view" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          Relay instances
        </Typography>
        {error && (
          <Typography role="alert" color="error">
            {error}
          </Typography>
        )}
        {report && (
          <>
            <Typography variant="body2" role="status">
              {report.instances.length} instance(s) at {new Date(report.at).toLocaleTimeString()}
              {report.complete ? '' : ' (an instance did not answer in time)'}
            </Typography>
            <Table size="small" aria-label="Relay instances">
              <TableHead>
                <TableRow>
                  <TableCell>Instance</TableCell>
                  <TableCell>/chat sockets</TableCell>
                  <TableCell>/notifications sockets</TableCell>
                  <TableCell>Users</TableCell>
                  <TableCell>Chat rooms</TableCell>
                  <TableCell>Busiest rooms</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.instances.map((instance) => (
                  <TableRow key={instance.instance} data-instance={instance.instance}>
                    <TableCell>
                      {instance.instance}
                      {instance.instance === report.self ? ' (answered)' : ''}
                    </TableCell>
                    <TableCell>{instance.sockets.chat}</TableCell>
                    <TableCell>{instance.sockets.notifications}</TableCell>
                    <TableCell>{instance.users}</TableCell>
                    <TableCell>{instance.roomCount}</TableCell>
                    <TableCell>
                      {instance.rooms
                        .slice(0, 5)
                        .map((room) => `${room.room.replace(/^chat:/, '')} (${room.sockets})`)
                        .join(', ') || '—'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
}
