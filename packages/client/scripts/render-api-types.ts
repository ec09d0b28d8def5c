/**
 * The REST client's types, rendered from the API's OpenAPI document with openapi-typescript. One function
 * for `npm run generate -w @chat/client` (which writes them) and for the test that fails when the committed
 * file no longer matches the document.
 */
import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildOpenApiDocument } from '../../../functions/src/openapi';
import { apiRoutes } from '../../../functions/src/routes/api-routes';

/** Where the rendered types are committed. */
export const apiTypesFile = path.join(__dirname, '..', 'src', 'generated', 'api-types.ts');

const header = `/**
 * Generated from the API's OpenAPI document (functions/src/openapi.ts) by openapi-typescript.
 * Do not edit: run \`npm run generate -w @chat/client\`; a test fails when this file drifts from the document.
 */
`;

export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(buildOpenApiDocument(apiRoutes) as unknown as OpenAPI3);
  return header + astToString(ast);
}
