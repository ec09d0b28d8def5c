import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { loadConfig } from './config';
import { initAuth } from './lib/firebase-auth';
import { App } from './app';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

// The admin panel is its own chunk, fetched only under /admin: the chat app's bundle does not carry it.
const AdminRoot = lazy(() => import('./admin/admin-root'));
const isAdmin = /^\/admin(\/|$)/.test(window.location.pathname);

loadConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        {isAdmin ? (
          <Suspense fallback={<p role="status">Loading the admin panel…</p>}>
            <AdminRoot config={config} auth={initAuth(config)} />
          </Suspense>
        ) : (
          <App config={config} auth={initAuth(config)} />
        )}
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(
      <main className="fatal" role="alert">
        <h1>The app cannot start</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
      </main>,
    ),
);
