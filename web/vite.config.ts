/**
 * Vite build of the web app. After the build, the initial JavaScript (the entry chunk and every chunk it
 * imports statically) is gzipped and printed against its budget; over budget fails the build.
 */
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const INITIAL_JS_BUDGET_KB = 200;

function initialJsBudget(): Plugin {
  return {
    name: 'initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((item) =>
          item.type === 'chunk' ? [[item.fileName, item] as const] : [],
        ),
      );
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return;
        initial.add(fileName);
        chunks.get(fileName)?.imports.forEach(visit);
      };
      [...chunks.values()].filter((chunk) => chunk.isEntry).forEach((chunk) => visit(chunk.fileName));
      const bytes = [...initial].reduce(
        (sum, name) => sum + gzipSync(chunks.get(name)?.code ?? '').length,
        0,
      );
      const kb = bytes / 1024;
      const line = `initial JS (gzip): ${kb.toFixed(1)} KB of ${INITIAL_JS_BUDGET_KB} KB budget (${initial.size} chunk(s))`;
      console.log(`\n[budget] ${line}`);
      if (kb > INITIAL_JS_BUDGET_KB) this.error(`Over budget: ${line}`);
    },
  };
}

export default defineConfig({
  plugins: [react(), initialJsBudget()],
  // The admin panel (react-admin and Material UI) is one lazy chunk of ~800 kB, loaded only under /admin;
  // the budget above is what guards the chat app's start.
  build: { sourcemap: true, target: 'es2022', chunkSizeWarningLimit: 1000 },
});
