import path from 'node:path';
import type { RequestHandler } from 'express';
// The path helper alone: the package's index also loads the 1.5 MB Swagger UI bundle into the process,
// which a profile of the API showed as the largest piece of its cold start.
import getAbsoluteFSPath from 'swagger-ui-dist/absolute-path';
import { defineRoute } from './api-route';

/** The Swagger UI files the page loads, served from the `swagger-ui-dist` package (no CDN, no network). */
const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

/**
 * Starts Swagger UI on the document the page's body names in `data-spec-url`. A file of its own, not an inline
 * script, so the page works under helmet's CSP (`script-src 'self'`). The URL is resolved against the
 * page, like its other links: `document.currentScript` is null by the time `load` fires, so a URL relative
 * to this script would resolve against the page anyway, and wrongly.
 */
const INIT_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: new URL(document.body.getAttribute('data-spec-url'), document.baseURI).href,
    dom_id: '#swagger-ui',
    deepLinking: true,
  });
});
`;

/**
 * Served at `/docs` (no trailing slash), so every link is relative to the directory the API is mounted in,
 * whatever its prefix (`/<project>/<region>/api` in the Functions emulator, none when deployed):
 * `openapi.json` is the document beside it and `docs/…` its files.
 */
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Chat API</title>
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="docs/favicon-32x32.png" />
    <link rel="stylesheet" href="docs/swagger-ui.css" />
  </head>
  <body data-spec-url="openapi.json">
    <div id="swagger-ui"></div>
    <script src="docs/swagger-ui-bundle.js"></script>
    <script src="docs/init.js"></script>
  </body>
</html>
`;

/** `GET /openapi.json` and `GET /docs` (Swagger UI; its files are served by `docsFiles`). */
export const docsRoutes = [
  defineRoute({
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    tag: 'docs',
    auth: 'none',
    responses: { 200: { description: 'The OpenAPI 3.1 document.', body: 'json' } },
    handler: async (_input, { openApiDocument }) => ({
      status: 200,
      headers: { 'Cache-Control': 'public, max-age=300' },
      body: openApiDocument,
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/docs',
    summary: 'Human-readable API docs (Swagger UI)',
    tag: 'docs',
    auth: 'none',
    responses: { 200: { description: 'An HTML page that renders /openapi.json.', body: 'html' } },
    handler: async () => ({ status: 200, body: PAGE }),
  }),
];

/**
 * Mounted at `/docs` before the routes: the page's files, and a redirect of `/docs/` to `/docs`, where the
 * page's relative links resolve (from `/docs/` they would point under `/docs/docs/`).
 */
export function docsFiles(): RequestHandler {
  const root = getAbsoluteFSPath();
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const name = req.path.replace(/^\//, '');
    if (!name) {
      const trailingSlash = (req.originalUrl.split('?')[0] ?? '').endsWith('/');
      return trailingSlash ? res.redirect(301, '../docs') : next();
    }
    if (name === 'init.js') return void res.type('application/javascript').send(INIT_SCRIPT);
    if (!ASSETS.has(name)) return next();
    res.sendFile(path.join(root, name), { maxAge: '1d' }, (error) => error && next(error));
  };
}
