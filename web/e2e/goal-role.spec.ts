import { expect, expectAccessible, newUser, signUp, test } from './fixtures';

// Issue 24: "Make X my goal" is idempotent (an open goal for the role opens instead of a second one)
// and the market page opens on the active goal's role.
test('make-my-goal opens the existing goal; the market opens on the goal role', async ({ page }) => {
  await signUp(page, newUser('goal-role'));
  await expect(page.getByText(/^Welcome, Ada goal-role\./)).toBeVisible(); // first visit, not "back"

  await page.goto('/planner?to=data-engineer');
  const gap = page.getByRole('region', { name: /Your skill gap for Data Engineer/ });
  await gap.getByRole('button', { name: 'Make Data Engineer my goal' }).click();
  const heading = page.getByRole('heading', { level: 2, name: 'Become a Data Engineer' });
  await expect(heading).toBeFocused(); // the page navigated to the new goal
  await expect(page).toHaveURL(/\/goals#goal-/);
  const goalUrl = page.url();

  // Back on the planner the same role offers the goal, not a second one.
  await page.goto('/planner?to=data-engineer');
  await expect(gap.getByRole('link', { name: 'Open my goal' })).toBeVisible();
  await expect(gap.getByRole('button', { name: 'Make Data Engineer my goal' })).toHaveCount(0);
  await expectAccessible(page, 'planner with an existing goal');
  await gap.getByRole('link', { name: 'Open my goal' }).click();
  await expect(page).toHaveURL(goalUrl);
  await expect(heading).toBeFocused();
  await expect(heading).toHaveCount(1); // still exactly one goal for the role

  // The goals page's own form does not make a second goal for the role either.
  await page.getByLabel('Title').fill('Data engineering again');
  await page.getByLabel('Target role').selectOption('data-engineer');
  await page.getByRole('button', { name: 'Create goal' }).click();
  await expect(page.getByText('You already have a goal for this role').first()).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Data engineering again' })).toHaveCount(0);

  // The dashboard now greets a returning user.
  await page.goto('/dashboard');
  await expect(page.getByText(/^Welcome back, Ada goal-role\./)).toBeVisible();

  // The market page opens on the goal's role; a role in the URL still wins.
  await page.goto('/market');
  await expect(page.getByRole('heading', { level: 2, name: 'Data Engineer', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Annual pay' })).toBeVisible();
  await expectAccessible(page, 'market on the goal role');
  await page.goto('/market?role=data-scientist');
  await expect(page.getByRole('heading', { level: 2, name: 'Data Scientist', exact: true })).toBeVisible();
});
