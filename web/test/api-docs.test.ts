/**
 * The API's `/docs` page (Swagger UI) in real Chromium, loaded from the Functions emulator under the function
 * URL's path prefix, as a browser would see it deployed: every operation of the OpenAPI document is listed,
 * and "Try it out" with a real ID token answers GET /users/me.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { signIn as emulatorSignIn } from '../../scripts/lib/auth-emulator';
import { launchChromium, screenshot } from './support/chromium';
import { PASSWORD, TestStack } from './support/stack';

jest.setTimeout(120_000);

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

let browser: Browser;
let stack: TestStack;

beforeAll(async () => {
  stack = new TestStack();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('When the API docs page is opened in Chromium', () => {
  it('then every operation is listed and "Try it out" with a token answers GET /users/me', async () => {
    const apiUrl = process.env.API_URL;
    if (!apiUrl) throw new Error('API_URL is not set: run with npm test.');
    const spec = (await (await fetch(`${apiUrl}/openapi.json`)).json()) as { paths: Record<string, object> };
    const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => HTTP_METHODS.includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.length).toBeGreaterThan(10);

    const user = await stack.user('docs');
    const token = await emulatorSignIn(user.email, PASSWORD);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${apiUrl}/docs`);
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    expect(await page.getByText('Failed to load API definition').count()).toBe(0);

    const listed = await page
      .locator('.opblock')
      .evaluateAll((blocks) =>
        blocks.map(
          (block) =>
            `${block.querySelector('.opblock-summary-method')?.textContent?.trim()} ${block.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`,
        ),
      );
    expect([...listed].sort()).toEqual([...operations].sort());

    await page.locator('button.authorize').first().click();
    await page.locator('.auth-container input').first().fill(token);
    await page.locator('.auth-btn-wrapper button.authorize').click();
    await page.locator('.auth-btn-wrapper button.btn-done').click();

    const me = page.locator('.opblock-get').filter({ has: page.locator('[data-path="/users/me"]') });
    await me.locator('.opblock-summary').first().click();
    await me.locator('button.try-out__btn').click();
    await me.locator('button.execute').click();
    const status = me.locator('.live-responses-table td.response-col_status:not(.col_header)');
    await status.waitFor({ timeout: 20_000 });
    expect((await status.textContent())?.trim()).toBe('200');
    await expect(me.locator('.live-responses-table .microlight').first().textContent()).resolves.toContain(
      user.uid,
    );
    await screenshot(page, 'api-docs');
    await context.close();
  });
});
