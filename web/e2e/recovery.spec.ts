import {
  expect,
  expectAccessible,
  findMail,
  followMailLink,
  newUser,
  screenshot,
  signUp,
  subjects,
  test,
} from './fixtures';
import type { Page } from '@playwright/test';

async function signOut(page: Page, name: string) {
  await page.getByRole('button', { name: `Account menu for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('sign up: check your inbox, the development mailbox, the emailed link, the dashboard', async ({
  page,
  context,
}) => {
  const u = newUser('verify');
  await page.goto('/signup');
  await page.getByLabel('Your name').fill(u.name);
  await page.getByLabel('Email').fill(u.email);
  await page.getByLabel('Password', { exact: true }).fill(u.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeFocused();
  await expect(page.getByText(`We sent a link to ${u.email}.`)).toBeVisible();
  await expectAccessible(page, 'check your inbox');
  await screenshot(page, 'light-signup-check-inbox');

  // Until the link is followed there is no account to sign in to.
  const other = await context.newPage();
  await signIn(other, u.email, u.password);
  await expect(other.getByRole('alert')).toContainText('Wrong email or password');
  await other.close();

  await page.getByRole('link', { name: 'Open the development mailbox' }).click();
  const mail = await findMail(page, u.email, subjects.verify);
  await expect(mail).toContainText(`Hello ${u.name}`);
  await expectAccessible(page, 'development mailbox');
  await screenshot(page, 'light-dev-mailbox');
  await followMailLink(page, u.email, subjects.verify, '/verify-email');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText(`Welcome, ${u.name}.`)).toBeVisible();
  await expect(page.getByText('Your email address is verified', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Verify your email address' })).toHaveCount(0);

  // The link is single use.
  await followMailLink(page, u.email, subjects.verify, '/verify-email');
  await expect(page.getByRole('alert')).toContainText('This link is invalid or has expired.');
  await expect(page.getByRole('heading', { level: 1, name: 'Verify your email address' })).toBeVisible();
  await expectAccessible(page, 'used verification link');
});

test('forgot password on a phone: reset through the emailed link, then sign in with the new password', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const u = newUser('reset');
  await signUp(page, u);
  await expect(page.getByRole('button', { name: 'Open navigation menu' })).toBeVisible(); // phone layout
  await signOut(page, u.name);

  await page.getByLabel('Email').fill(u.email);
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeFocused();
  await expect(page.getByLabel('Email')).toHaveValue(u.email);
  await expectAccessible(page, 'forgot password');
  await screenshot(page, 'phone-forgot-password');
  // Keyboard only: Enter in the field submits.
  await page.getByLabel('Email').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeFocused();
  await expect(page.getByText(`If an account uses ${u.email}`)).toBeVisible();
  await expectAccessible(page, 'reset link sent');

  await page.getByRole('link', { name: 'Open the development mailbox' }).click();
  await expectAccessible(page, 'development mailbox on a phone');
  await screenshot(page, 'phone-dev-mailbox');
  await followMailLink(page, u.email, subjects.reset, '/reset-password');
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  const fresh = `${u.password}-new`;
  await page.getByLabel('New password', { exact: true }).fill(fresh);
  await page.getByLabel('Confirm new password').fill(`${fresh}x`);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByLabel('Confirm new password')).toBeFocused();
  await expectAccessible(page, 'reset password with a mistake');
  await screenshot(page, 'phone-reset-password');
  await page.getByLabel('Confirm new password').fill(fresh);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText('Your password was changed', { exact: true })).toBeVisible();

  // The link was single use.
  await followMailLink(page, u.email, subjects.reset, '/reset-password');
  await page.getByLabel('New password', { exact: true }).fill(`${fresh}-again`);
  await page.getByLabel('Confirm new password').fill(`${fresh}-again`);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('alert')).toContainText('This link is invalid or has expired.');
  await expect(page.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();

  await page.goto('/dashboard');
  await signOut(page, u.name);
  await signIn(page, u.email, u.password);
  await expect(page.getByRole('alert')).toContainText('Wrong email or password');
  await signIn(page, u.email, fresh);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('change password in the profile: the current one is required and other devices are signed out', async ({
  page,
  browser,
}) => {
  const u = newUser('chpw');
  await signUp(page, u);
  // A second device, signed in before the change.
  const device = await browser.newContext();
  const other = await device.newPage();
  await signIn(other, u.email, u.password);
  await expect(other.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await page.goto('/profile');
  const card = page.getByRole('region', { name: 'Change password' });
  const fresh = `${u.password}-2`;
  await card.getByLabel('Current password').fill('not-the-password-1');
  await card.getByLabel('New password', { exact: true }).fill(fresh);
  await card.getByLabel('Confirm new password').fill(fresh);
  await card.getByRole('button', { name: 'Change password' }).click();
  await expect(card.getByLabel('Current password')).toBeFocused();
  await expect(card.getByText('The current password is wrong.')).toBeVisible();
  await expectAccessible(page, 'change password error');
  await screenshot(page, 'light-profile-change-password-error');

  await card.getByLabel('Current password').fill(u.password);
  await card.getByRole('button', { name: 'Change password' }).click();
  await expect(card.getByRole('status')).toHaveText(
    'Your password was changed. Every other device was signed out.',
  );
  await expect(card.getByRole('status')).toBeFocused();
  await expectAccessible(page, 'password changed');

  // This tab keeps its (new) session; the other device's is over.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await other.reload();
  await expect(other.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await device.close();

  await findMail(page, u.email, subjects.passwordChanged);
  await page.goto('/dashboard');
  await signOut(page, u.name);
  await signIn(page, u.email, u.password);
  await expect(page.getByRole('alert')).toContainText('Wrong email or password');
  await signIn(page, u.email, fresh);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('change email in the profile: the address changes when the link sent to it is followed', async ({
  page,
}) => {
  const u = newUser('chmail');
  const next = newUser('chmail-new').email;
  await signUp(page, u);
  await page.goto('/profile');
  const card = page.getByRole('region', { name: 'Change email' });
  await card.getByLabel('New email').fill(next);
  await card.getByLabel('Current password').fill(u.password);
  await card.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(card.getByRole('status')).toContainText(`We sent a link to ${next}.`);
  await expect(card.getByRole('status')).toBeFocused();
  await expectAccessible(page, 'change email sent');
  await screenshot(page, 'light-profile-change-email-sent');
  await expect(card.getByRole('link', { name: 'Open the development mailbox' })).toBeVisible();
  // Nothing changed yet.
  await page.reload();
  await expect(page.getByText(`Signed in as ${u.email}`)).toBeVisible();

  await followMailLink(page, next, subjects.changeEmail, '/verify-email');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('link', { name: 'Profile' }).first().click();
  await expect(page.getByText(`Signed in as ${next}`)).toBeVisible();

  await signOut(page, u.name);
  await signIn(page, u.email, u.password);
  await expect(page.getByRole('alert')).toContainText('Wrong email or password');
  await signIn(page, next, u.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});
