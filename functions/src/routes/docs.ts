import path from 'node:path';
import { Router, type RequestHandler } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import type { OpenApiDocument } from '../openapi';

/** The Swagger UI files the page loads, served from the `swagger-ui-dist` package (no CDN, no network). */
const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

/**
 * Starts Swagger UI on /openapi.json. A file of its own, not an inline script, so the page works under
 * helmet's CSP (`script-src 'self'`). Paths are relative to this script, so the page works under the
 * function URL's prefix too.
 */
const INIT_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: new URL('../openapi.json', document.currentScript ? document.currentScript.src : location.href).href,
    dom_id: '#swagger-ui',
    deepLinking: true,
  });
});
`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Chat API</title>
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="docs/favicon-32x32.png" />
    <link rel="stylesheet" href="docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="docs/swagger-ui-bundle.js"></script>
    <script src="docs/init.js"></script>
  </body>
</html>
`;

/** `GET /openapi.json` and `GET /docs` (Swagger UI, with its files under `/docs/`). */
export function docsRoutes(document: OpenApiDocument): Router {
  const router = Router();
  const body = JSON.stringify(document);
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').set('Cache-Control', 'public, max-age=300').send(body);
  });
  router.get('/docs', (req, res) => {
    // The page links its files relative to "docs"; from "/docs/" that would be "/docs/docs/…".
    if (req.path.endsWith('/')) return res.redirect(301, '../docs');
    res.type('html').send(PAGE);
  });
  router.use('/docs', docsAssets());
  return router;
}

function docsAssets(): RequestHandler {
  const root = getAbsoluteFSPath();
  return (req, res, next) => {
    const name = req.path.replace(/^\//, '');
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (name === 'init.js') return void res.type('application/javascript').send(INIT_SCRIPT);
    if (!ASSETS.has(name)) return next();
    res.sendFile(path.join(root, name), { maxAge: '1d' }, (error) => error && next(error));
  };
}
