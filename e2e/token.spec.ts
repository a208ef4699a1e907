import { test, expect } from './fixtures';

// Browser mode's launch URL carries the per-launch token. Once the page has it, the address bar (and
// the tab's history) must not: the token lives on in sessionStorage, so a reload still works.
test('the token leaves the address bar after the page loads, and a reload still shows the archive', async ({ page, demoApp }) => {
  const { rows } = await demoApp.api<{ rows: { fullName: string }[] }>('schools.list', { limit: 1, sort: 'fullName' });
  const school = rows[0].fullName;
  await page.goto(`${demoApp.url}#/schools`);
  await expect(page.getByText(school).first()).toBeVisible();
  expect(page.url()).not.toContain('token');
  expect(page.url()).not.toContain(demoApp.token);
  expect(page.url()).toMatch(/\/#\/schools$/);

  await page.reload();
  await expect(page.getByText(school).first()).toBeVisible();
  expect(page.url()).not.toContain(demoApp.token);

  // Moving around the app keeps working without the token in the URL.
  await page.getByRole('link', { name: '督学', exact: true }).click();
  await expect(page).toHaveURL(/\/#\/supervisors/);
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  expect(page.url()).not.toContain(demoApp.token);
});
