import { expect, expectAccessible, newUser, screenshot, signUp, test } from './fixtures';

test('skills assessment: self-rating, a quiz with explanations, levels over time', async ({ page }) => {
  test.slow(); // two axe runs, two colour schemes and a quiz on a shared machine
  await signUp(page, newUser('assess'));
  await page.getByRole('link', { name: 'Skills assessment' }).first().click();
  await expect(page.getByText('No assessments yet')).toBeVisible();

  // self-rating with each level's description
  const rate = page.getByRole('region', { name: 'Rate a skill yourself' });
  await rate.getByRole('button', { name: 'Save rating' }).click();
  await expect(rate.getByRole('alert')).toHaveText('Name the skill you are rating.');
  await rate.getByLabel('Skill', { exact: true }).fill('SQL');
  await expect(rate.getByRole('radio')).toHaveCount(5);
  await expect(rate.getByText(/You apply it independently/)).toBeVisible();
  await rate.getByRole('radio', { name: /^2 · Beginner/ }).check();
  await rate.getByRole('button', { name: 'Save rating' }).click();
  const levels = page.getByRole('region', { name: 'Your levels over time' });
  await expect(levels.getByRole('list', { name: 'Current levels' })).toContainText('SQL: level 2');
  await expect(levels.getByRole('table', { name: 'Every SQL assessment, newest first' })).toContainText(
    'self-rating',
  );

  // a quiz: start (a mutation), answer, see per-question results and explanations
  const quiz = page.getByRole('region', { name: 'Take a quiz' });
  await quiz.getByLabel('Quiz skill').selectOption('SQL');
  await quiz.getByRole('button', { name: 'Start quiz' }).click();
  const form = quiz.getByRole('form', { name: 'SQL quiz' });
  const groups = form.getByRole('group');
  await expect(groups.first()).toBeVisible();
  await form.getByRole('button', { name: 'Submit answers' }).click();
  await expect(quiz.getByRole('alert')).toHaveText('Answer question 1 first.');
  const n = await groups.count();
  for (let i = 0; i < n; i++) await groups.nth(i).getByRole('radio').first().check();
  await form.getByRole('button', { name: 'Submit answers' }).click();
  await expect(form.getByRole('status')).toContainText(new RegExp(`of ${n} correct · measured level \\d`));
  await expect(form.getByText(/^(Correct\.|Not quite\.)$/)).toHaveCount(n);
  await expect(form.getByText('(right answer)')).toHaveCount(n);
  await expectAccessible(page, 'assessments after a quiz');

  // both results are points of the chart, and rows of its table
  await expect(levels.locator('.recharts-line-dot, .recharts-dot')).toHaveCount(2);
  const table = levels.getByRole('table', { name: 'SQL: level over time (1–5)' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).toContainText('quiz');
  await screenshot(page, 'light-assessments');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expectAccessible(page, 'assessments (dark)');
  await screenshot(page, 'dark-assessments');
  await page.emulateMedia({ colorScheme: 'light' });
  await quiz.getByRole('button', { name: 'Take another quiz' }).click();
  await expect(quiz.getByRole('button', { name: 'Submit answers' })).toBeVisible();
});
