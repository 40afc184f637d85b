import { expect, expectAccessible, newUser, screenshot, signUp, test } from './fixtures';

test('practise an interview question and get feedback', async ({ page }) => {
  await signUp(page, newUser('interview'));
  await page.getByRole('link', { name: 'Interview prep' }).first().click();
  const first = page
    .getByRole('listitem')
    .filter({ has: page.getByLabel('Your answer') })
    .first();
  await expect(first).toBeVisible();
  await first.getByRole('button', { name: 'Get feedback' }).click();
  await expect(first.getByRole('alert')).toHaveText('Write at least 10 characters.');
  await first
    .getByLabel('Your answer')
    .fill(
      'In my last role the nightly data pipeline kept failing (situation). I had to make it reliable (task). ' +
        'I added retries, idempotent loads in PostgreSQL and alerts (action). Failures fell by 90% in a month (result).',
    );
  await first.getByRole('button', { name: 'Get feedback' }).click();
  await expect(first.getByTestId('overall')).toHaveText(/Overall: [1-5] of 5/);
  await expectAccessible(page, 'interview prep with feedback');
  await screenshot(page, 'light-interview-feedback');
});
