import { expect, expectAccessible, newUser, signUp, test } from './fixtures';

test('course search, filters and page survive a reload and Back', async ({ page }) => {
  await signUp(page, newUser('course-url'));
  await page.goto('/courses');
  const catalogue = page.getByRole('region', { name: 'Course catalogue' });
  const search = catalogue.getByRole('searchbox', { name: 'Search' });
  await search.fill('data');
  // Most open-list courses state no level, so the filter kept in the URL is "Free only".
  await catalogue.getByRole('checkbox', { name: 'Free only' }).check();
  await catalogue.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=data\b/);
  await expect(page).toHaveURL(/[?&]free=1\b/);
  const count = catalogue.getByText(/\d+ courses? found/);
  await expect(count).toContainText('page 1');
  const firstOnPage1 = await catalogue.getByRole('listitem').first().getByRole('heading').innerText();

  await catalogue.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(count).toContainText('page 2');
  await expect(count).toBeFocused();
  const firstOnPage2 = await catalogue.getByRole('listitem').first().getByRole('heading').innerText();
  expect(firstOnPage2).not.toBe(firstOnPage1);
  await expectAccessible(page, 'catalogue, page 2');

  // A reload opens the same page of the same search, with the form filled in.
  await page.reload();
  await expect(count).toContainText('page 2');
  await expect(catalogue.getByRole('listitem').first().getByRole('heading')).toHaveText(firstOnPage2);
  await expect(search).toHaveValue('data');
  await expect(catalogue.getByRole('checkbox', { name: 'Free only' })).toBeChecked();

  // Back: the first page, then no search at all.
  await page.goBack();
  await expect(count).toContainText('page 1');
  await expect(catalogue.getByRole('listitem').first().getByRole('heading')).toHaveText(firstOnPage1);
  await page.goBack();
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(search).toHaveValue('');
  await expect(catalogue.getByRole('checkbox', { name: 'Free only' })).not.toBeChecked();
});

test('course progress in reported steps; hours count only when reported', async ({ page }) => {
  await signUp(page, newUser('course-steps'));
  await page.goto('/courses?q=python');
  const catalogue = page.getByRole('region', { name: 'Course catalogue' });
  const item = catalogue.getByRole('listitem').first();
  const title = await item.getByRole('heading').innerText();
  await item.getByRole('button', { name: `Enrol in ${title}` }).click();
  await expect(page.getByText(`Enrolled in ${title}`, { exact: true })).toBeVisible();

  const learning = page.getByRole('region', { name: 'My learning' });
  const mine = learning.getByRole('listitem').filter({ hasText: title });
  await expect(mine.getByText('0% done · no hours reported')).toBeVisible();

  // A step without hours: the percent moves, no hours are invented.
  await mine.getByRole('button', { name: `Report progress in ${title}` }).click();
  const form = mine.getByRole('form', { name: `Report progress in ${title}` });
  await expect(form.getByLabel('How far are you (%)')).toBeFocused();
  await form.getByLabel('How far are you (%)').fill('30');
  await form.getByRole('button', { name: 'Save progress' }).click();
  await expect(mine.getByText('30% done · no hours reported')).toBeVisible();

  // Backwards is refused in words, and nothing changes.
  await mine.getByRole('button', { name: `Report progress in ${title}` }).click();
  await form.getByLabel('How far are you (%)').fill('20');
  await form.getByRole('button', { name: 'Save progress' }).click();
  await expect(form.getByRole('alert')).toContainText('Progress only moves forward');
  await expectAccessible(page, 'progress report with an error');

  // A step with hours.
  await form.getByLabel('How far are you (%)').fill('60');
  await form.getByLabel('Hours since your last report (optional)').fill('2.5');
  await form.getByRole('button', { name: 'Save progress' }).click();
  await expect(mine.getByText('60% done · 2.5 h reported')).toBeVisible();

  // The dashboard counts the reported hours, and only those.
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  const stats = page.getByRole('region', { name: 'Progress and streak' });
  await expect(stats.getByText('Hours reported this week', { exact: true }).locator('..')).toContainText(
    '2.5',
  );
});
