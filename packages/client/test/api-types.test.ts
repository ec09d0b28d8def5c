import { readFileSync } from 'node:fs';
import { apiTypesFile, renderApiTypes } from '../scripts/render-api-types';

describe('The committed REST types', () => {
  it('when the OpenAPI document is rendered again, then src/generated/api-types.ts is exactly that rendering', async () => {
    const committed = readFileSync(apiTypesFile, 'utf8');
    const current = await renderApiTypes();
    // On failure: the API's routes or schemas changed; run `npm run generate -w @chat/client` and commit.
    expect(committed).toBe(current);
  });

  it('when the types are rendered, then every route of the document has its path', async () => {
    const rendered = await renderApiTypes();
    for (const route of ['"/chats"', '"/chats/{chatId}/messages"', '"/users/me"', '"/notifications"']) {
      expect(rendered).toContain(`${route}: {`);
    }
  });
});
