import { expect, newUser, signUp, test } from './fixtures';

// A refresh token is single-use and the server revokes the whole session when
// one is used twice, so tabs must take turns refreshing (Web Locks) or two
// tabs loading at once would sign the person out.
test('tabs opened together share the session; signing out in one signs out all', async ({
  page,
  context,
}) => {
  const u = newUser('tabs');
  await signUp(page, u);
  const other = await context.newPage();
  const third = await context.newPage();
  await Promise.all([page.goto('/profile'), other.goto('/dashboard'), third.goto('/goals')]);
  await expect(page.getByLabel('Name')).toHaveValue(u.name);
  await expect(other.getByText(`Welcome, ${u.name}.`)).toBeVisible();
  await expect(third.getByRole('heading', { level: 1, name: 'Career goals' })).toBeVisible();

  // Still signed in everywhere after all three restored their session at once.
  await Promise.all([page.reload(), other.reload()]);
  await expect(page.getByLabel('Name')).toHaveValue(u.name);
  await expect(other.getByText(`Welcome, ${u.name}.`)).toBeVisible();

  await other.getByRole('button', { name: `Account menu for ${u.name}` }).click();
  await other.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(third.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
