import { expect, test } from '@playwright/test';
import pkg from '../package.json' with { type: 'json' };
import { browseAsGuest, control, signInAs } from './support/control';
import { seriousViolations } from './support/axe';

test.beforeEach(async () => {
  await control('reset');
});

test("the account menu leads to About this server: meta, rules, admin, versions and the server's numbers", async ({ page }) => {
  await signInAs(page, 'alice');
  await page.goto('/local');
  await page.getByLabel('Accounts').click();
  await page.getByRole('link', { name: 'About this server' }).click();
  await expect(page).toHaveURL(/\/about$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Misskey stand-in' })).toBeVisible();
  await expect(page.getByText('A local stand-in server that speaks the Misskey protocol.')).toBeVisible();
  const rules = page.getByRole('region', { name: 'Server rules' }).getByRole('listitem');
  await expect(rules).toHaveCount(3);
  await expect(rules.nth(1).locator('b, strong')).toHaveText('automated');
  const server = page.getByRole('region', { name: 'Server', exact: true });
  await expect(server).toContainText('Admin');
  await expect(server.getByRole('link', { name: 'admin@stand-in.invalid' })).toHaveAttribute(
    'href',
    'mailto:admin@stand-in.invalid',
  );
  await expect(server).toContainText('Misskey 2024.10.1');
  await expect(server).toContainText(`Misskey Web Client ${pkg.version}`);
  await expect(server.getByRole('link', { name: 'Source code' })).toHaveAttribute(
    'href',
    'https://github.com/misskey-dev/misskey',
  );
  const numbers = page.getByRole('region', { name: 'In numbers' });
  await expect(numbers).toContainText('Users8');
  await expect(numbers).toContainText(/Notes[\d,]+/);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a guest can read About this server too', async ({ page }) => {
  await browseAsGuest(page);
  await page.goto('/about');
  await expect(page.getByRole('heading', { level: 1, name: 'Misskey stand-in' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Server rules' }).getByRole('listitem')).toHaveCount(3);
});
