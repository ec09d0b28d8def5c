import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadConfig } from './config';
import { initAuth } from './lib/firebase-auth';
import { App } from './app';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

loadConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <App config={config} auth={initAuth(config)} />
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
