import { expect, expectAccessible, newUser, screenshot, signUp, test } from './fixtures';

test('sign up, dashboard, edit profile, sign out, sign in again', async ({ page }) => {
  const u = newUser('journey');
  await signUp(page, u);
  await expect(page.getByText(`Welcome, ${u.name}.`)).toBeVisible();
  await expect(page.getByText('1 of 4 profile details filled in', { exact: false })).toBeVisible();

  // Profile edit through the real GraphQL API.
  await page.getByRole('link', { name: 'Complete your profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeFocused();
  await expect(page.getByText(`Signed in as ${u.email}`)).toBeVisible();
  await page.getByLabel('Headline').fill('Backend engineer moving into data');
  await page.getByLabel('Location').fill('Lisbon, Portugal');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Profile saved', { exact: true })).toBeVisible();
  await expectAccessible(page, 'profile with a toast');
  await screenshot(page, 'light-profile-saved-toast');

  // The change is stored, not just shown: a reload restores the session from
  // the refresh cookie and reads the profile again from the server.
  await page.reload();
  await expect(page.getByLabel('Headline')).toHaveValue('Backend engineer moving into data');
  await expect(page.getByLabel('Location')).toHaveValue('Lisbon, Portugal');

  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await expect(page.getByText('3 of 4 profile details filled in', { exact: false })).toBeVisible();

  // Sign out: protected pages now send the person to sign in.
  await page.getByRole('button', { name: `Account menu for ${u.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  // A wrong password is explained in words and can be retried.
  await page.getByLabel('Email').fill(u.email);
  await page.getByLabel('Password').fill('not-the-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong email or password');
  await expectAccessible(page, 'sign-in error');
  await screenshot(page, 'light-signin-error');
  await page.getByLabel('Password').fill(u.password);
  await page.getByRole('button', { name: 'Try again' }).click();
  // Back to the page that asked for sign-in.
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await expect(page.getByLabel('Headline')).toHaveValue('Backend engineer moving into data');
});

test('an expired access token is refreshed without signing the person out', async ({ page }) => {
  const u = newUser('refresh');
  await signUp(page, u);
  // The router answers 401 for the first GraphQL request after this point, as
  // it does for an expired token; the app must refresh and retry by itself.
  let rejected = 0;
  let refreshed = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/auth/refresh')) refreshed++;
  });
  await page.route('**/graphql', async (route) => {
    if (rejected === 0) {
      rejected++;
      await route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [{ message: 'invalid or expired token', extensions: { code: 'UNAUTHENTICATED' } }],
        }),
      });
      return;
    }
    await route.continue();
  });
  await page.getByRole('link', { name: 'Profile' }).first().click();
  await expect(page.getByLabel('Name')).toHaveValue(u.name);
  expect(rejected).toBe(1);
  expect(refreshed).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
});

test('delete account asks for confirmation, then the account is gone', async ({ page }) => {
  const u = newUser('delete');
  await signUp(page, u);
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Delete my account…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete your account?' });
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Delete account' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Delete my account…' }).click();
  await dialog.getByLabel('Your email').fill(u.email);
  await confirm.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Your account was deleted', { exact: true })).toBeVisible();

  await page.getByLabel('Email').fill(u.email);
  await page.getByLabel('Password').fill(u.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong email or password');
});

test('a profile save shows at once and rolls back when the server refuses', async ({ page }) => {
  const u = newUser('optimistic');
  await signUp(page, u);
  await page.goto('/profile');
  const headline = page.getByTestId('summary-headline');
  await expect(headline).toHaveText('No headline yet');

  // Hold the server's answer: the preview must already show the new headline.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/graphql', async (route) => {
    if (route.request().postData()?.includes('UpdateProfile')) {
      await held;
    }
    await route.continue();
  });
  await page.getByLabel('Headline').fill('Data engineer in training');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(headline).toHaveText('Data engineer in training');
  await expect(page.getByRole('button', { name: 'Saving…' })).toBeVisible();
  release();
  await expect(page.getByText('Profile saved', { exact: true })).toBeVisible();
  await page.unroute('**/graphql');

  // The server refuses the next save (answered here, as the users service
  // answers invalid input): the preview rolls back to the saved value.
  await page.route('**/graphql', async (route) => {
    if (route.request().postData()?.includes('UpdateProfile')) {
      await new Promise((r) => setTimeout(r, 500));
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          data: null,
          errors: [
            { message: 'headline must not contain control characters', extensions: { code: 'INVALID' } },
          ],
        }),
      });
      return;
    }
    await route.continue();
  });
  await page.getByLabel('Headline').fill('Rejected headline');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(headline).toHaveText('Rejected headline');
  await expect(page.getByText('Your profile was not saved', { exact: true })).toBeVisible();
  await expect(headline).toHaveText('Data engineer in training');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('when the server cannot be reached at start, the app says so and retries on request', async ({
  page,
}) => {
  const u = newUser('offline');
  await signUp(page, u);
  let blocked = true;
  await page.route('**/auth/refresh', (route) =>
    blocked ? route.abort('connectionrefused') : route.continue(),
  );
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('We could not reach Career Coach');
  await expectAccessible(page, 'unreachable state');
  await screenshot(page, 'light-unreachable');
  blocked = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText(`Welcome, ${u.name}.`)).toBeVisible();
});
