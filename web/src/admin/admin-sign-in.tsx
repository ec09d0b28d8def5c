import { useState, type FormEvent } from 'react';
import { signInWithEmailAndPassword, type Auth } from 'firebase/auth';
import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { describeAuthError } from '../lib/firebase-auth';

/** Sign-in for the panel: the same Firebase Auth session as the chat app, so one sign-in serves both. */
export function AdminSignIn({ auth }: { auth: Auth }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    signInWithEmailAndPassword(auth, email, password).catch((caught: unknown) => {
      setError(describeAuthError(caught));
      setBusy(false);
    });
  };
  return (
    <Box component="main" sx={{ display: 'flex', justifyContent: 'center', mt: 8 }}>
      <Card sx={{ width: 380 }}>
        <CardContent component="form" onSubmit={submit}>
          <Typography variant="h5" component="h1" gutterBottom>
            Admin panel
          </Typography>
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            fullWidth
            margin="normal"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            fullWidth
            margin="normal"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit" variant="contained" fullWidth sx={{ mt: 2 }} disabled={busy}>
            Sign in
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
}
