import { expect, expectAccessible, newUser, signUp, test } from './fixtures';

test('a quiz in progress survives a reload, keeps its choices and finishes', async ({ page }) => {
  test.slow(); // several reloads and axe runs on a shared machine
  await signUp(page, newUser('quizresume'));
  await page.getByRole('link', { name: 'Skills assessment' }).first().click();
  const quiz = page.getByRole('region', { name: 'Take a quiz' });
  await quiz.getByLabel('Quiz skill').selectOption('Statistics');
  await quiz.getByRole('button', { name: 'Start quiz' }).click();
  const form = quiz.getByRole('form', { name: 'Statistics quiz' });
  const groups = form.getByRole('group');
  await expect(groups).toHaveCount(5);
  await expect(page).toHaveURL(/[?&]quiz=Statistics/);
  // One question per level, easiest first.
  for (let i = 0; i < 5; i++) await expect(groups.nth(i)).toContainText(`(level ${i + 1} of 5)`);
  const prompts = await groups.locator('legend').allTextContents();
  await groups.nth(0).getByRole('radio').nth(1).check();
  await groups.nth(1).getByRole('radio').nth(2).check();

  await page.reload();
  await expect(groups).toHaveCount(5);
  expect(await groups.locator('legend').allTextContents()).toEqual(prompts);
  await expect(groups.nth(0).getByRole('radio').nth(1)).toBeChecked();
  await expect(groups.nth(1).getByRole('radio').nth(2)).toBeChecked();
  await expect(groups.nth(2).getByRole('radio').first()).not.toBeChecked();
  await expect(quiz.getByText(/Resumed where you left off/)).toBeVisible();
  await expectAccessible(page, 'a resumed quiz');

  await form.getByRole('button', { name: 'Submit answers' }).click();
  await expect(quiz.getByRole('alert')).toHaveText('Answer question 3 first.');
  for (let i = 2; i < 5; i++) await groups.nth(i).getByRole('radio').first().check();
  await form.getByRole('button', { name: 'Submit answers' }).click();
  await expect(form.getByRole('status')).toContainText(/of 5 correct · measured level [1-5]/);
  await expect(form.getByText('(right answer)')).toHaveCount(5);
  await expect(page).not.toHaveURL(/quiz=/);
  const levels = page.getByRole('region', { name: 'Your levels over time' });
  await expect(levels.getByRole('list', { name: 'Current levels' })).toContainText('Statistics: level');

  // Finished: a reload starts nothing and shows no stale answers.
  await page.reload();
  await expect(quiz.getByRole('button', { name: 'Start quiz' })).toBeVisible();
  await expect(quiz.getByRole('form')).toHaveCount(0);
  await expectAccessible(page, 'assessments after a finished quiz');
});

test('soft skills are self-assessed against behaviour, not quizzed', async ({ page }) => {
  await signUp(page, newUser('rubric'));
  await page.getByRole('link', { name: 'Skills assessment' }).first().click();
  const quiz = page.getByRole('region', { name: 'Take a quiz' });
  await expect(quiz.getByLabel('Quiz skill').locator('option', { hasText: 'Communication' })).toHaveCount(0);
  const rate = page.getByRole('region', { name: 'Rate a skill yourself' });
  await rate.getByLabel('Skill', { exact: true }).fill('Communication');
  await expect(rate.getByText('A quiz cannot measure Communication')).toBeVisible();
  await expect(rate.getByRole('radio')).toHaveCount(5);
  await rate.getByRole('radio', { name: /adapt what you say and write to the audience/ }).check();
  await rate.getByRole('button', { name: 'Save rating' }).click();
  await expect(
    page.getByRole('region', { name: 'Your levels over time' }).getByRole('list', { name: 'Current levels' }),
  ).toContainText('Communication: level 3');
  await expectAccessible(page, 'a rubric self-assessment');
});
