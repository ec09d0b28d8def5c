import { useCallback, useEffect, useState } from 'react';

/** The open chat, from the path (`/chats/{chatId}`); Hosting's SPA rewrite serves every path the app. */
export function useRoute(): { chatId: string | null; navigate(path: string): void } {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: string) => {
    if (next === window.location.pathname) return;
    window.history.pushState(null, '', next);
    setPath(next);
  }, []);
  const match = /^\/chats\/([^/]+)$/.exec(path);
  return { chatId: match?.[1] ? decodeURIComponent(match[1]) : null, navigate };
}
