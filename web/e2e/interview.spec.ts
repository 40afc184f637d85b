import { expect, expectAccessible, newUser, screenshot, signUp, test } from './fixtures';

const star =
  'Last year I was the analyst on a four-person team at a regional grocery chain, and store managers threw away about 18% of fresh produce every week. ' +
  'My task was to give them a daily order suggestion they would trust within one quarter. ' +
  'I pulled two years of sales data from our SQL Server warehouse, built a forecasting model in Python, and I designed a one-page report with three store managers. ' +
  'I then ran a six-week pilot in 12 stores. As a result, waste fell from 18% to 11% while sales stayed flat, which saved about 40,000 dollars a month across 60 stores. ' +
  'I am proud of it because the managers kept using the report after the pilot, and I learned how much adoption depends on designing with the people who use the tool.';

test('interview practice: role questions, a draft kept across reload, feedback with key points, history', async ({
  page,
}) => {
  test.slow(); // several reloads and axe runs on a shared machine
  await signUp(page, newUser('interview'));
  await page.goto('/interview?role=data-scientist');
  await expect(page.getByLabel('Role')).toHaveValue('data-scientist');
  const cards = page.getByRole('listitem').filter({ has: page.getByLabel('Your answer') });
  await expect(cards.first()).toBeVisible();
  // The data scientist's questions cover statistics, SQL and machine learning, and behaviour.
  for (const skill of ['Statistics', 'SQL', 'Machine Learning'])
    await expect(cards.filter({ hasText: new RegExp(`technical · \\w+ · ${skill}`, 'i') })).not.toHaveCount(
      0,
    );
  await expect(cards.filter({ hasText: /behavioural ·/i })).not.toHaveCount(0);

  const first = cards.filter({ hasText: /behavioural ·/i }).first();
  const question = (await first.getByRole('heading').textContent()) ?? '';
  await first.getByRole('button', { name: 'Get feedback' }).click();
  await expect(first.getByRole('alert')).toHaveText('Write at least 10 characters.');
  await first.getByLabel('Your answer').fill(star);

  // The draft survives a reload.
  await page.reload();
  const again = cards.filter({ has: page.getByRole('heading', { name: question }) });
  await expect(again.getByLabel('Your answer')).toHaveValue(star);

  await again.getByRole('button', { name: 'Get feedback' }).click();
  await expect(again.getByTestId('overall')).toHaveText(/Overall: [1-5] of 5/);
  await expect(again.getByText(/Structure \(situation, task, action, result\): 5 of 5/)).toBeVisible();
  await expect(again.getByRole('list', { name: 'Key points' }).getByRole('listitem')).not.toHaveCount(0);
  const history = again.getByRole('table', { name: /Your attempts at this question/ });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expectAccessible(page, 'interview prep with feedback');

  // A second, weaker attempt: the history shows both scores and draws the chart.
  await again
    .getByLabel('Your answer')
    .fill('I think I am a good team player and I always try hard at work.');
  await again.getByRole('button', { name: 'Submit again' }).click();
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(again.locator('.recharts-line-dot, .recharts-dot')).toHaveCount(2);
  await expect(history).toContainText(/of 5/);
  await expectAccessible(page, 'interview prep with history');
  await screenshot(page, 'light-interview-feedback');

  // Submitted answers leave no draft behind.
  await page.reload();
  await expect(again.getByLabel('Your answer')).toHaveValue('');
  await expect(history.getByRole('row')).toHaveCount(3);
});
