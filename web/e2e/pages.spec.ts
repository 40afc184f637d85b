import { expect, expectAccessible, newUser, screenshot, signUp, test } from './fixtures';

const appPages = [
  { path: '/dashboard', title: 'Dashboard' },
  { path: '/cv', title: 'CV' },
  { path: '/courses', title: 'Courses' },
  { path: '/assessments', title: 'Skills assessment' },
  { path: '/planner', title: 'Career path planner' },
  { path: '/market', title: 'Job market insights' },
  { path: '/interview', title: 'Interview prep' },
  { path: '/goals', title: 'Career goals' },
  { path: '/profile', title: 'Profile' },
];

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('public pages have no accessibility violations', async ({ page }) => {
      for (const p of [
        { path: '/signin', title: 'Sign in' },
        { path: '/signup', title: 'Create your account' },
        { path: '/forgot-password', title: 'Reset your password' },
        { path: '/reset-password?token=from-an-email', title: 'Choose a new password' },
        { path: '/verify-email', title: 'Verify your email address' },
        { path: '/dev/mailbox', title: 'Development mailbox' },
      ]) {
        await page.goto(p.path);
        await expect(page.getByRole('heading', { level: 1, name: p.title })).toBeVisible();
        await expectAccessible(page, `${p.path} (${theme})`);
        await screenshot(page, `${theme}${p.path.replace(/[/?=]/g, '-')}`);
      }
    });

    test('every app page has no accessibility violations', async ({ page }) => {
      // Signs up, then loads and scans every page: near a minute on a busy machine.
      test.slow();
      await signUp(page, newUser(`pages-${theme}`));
      for (const p of appPages) {
        await page.goto(p.path);
        await expect(page.getByRole('heading', { level: 1, name: p.title })).toBeVisible();
        // Skeletons say "Loading…"; a search box's empty live region is no skeleton.
        await expect(page.getByRole('status').filter({ hasText: '…' })).toHaveCount(0);
        await expect(page).toHaveTitle(`${p.title} · Career Coach`);
        await expectAccessible(page, `${p.path} (${theme})`);
        await screenshot(page, `${theme}${p.path.replace('/', '-')}`);
      }
      await page.goto('/profile');
      await page.getByRole('button', { name: 'Delete my account…' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await expectAccessible(page, `delete dialog (${theme})`);
      await screenshot(page, `${theme}-profile-delete-dialog`);
    });
  });
}

test('on a phone the menu opens as a drawer, is keyboard-usable and accessible', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const u = newUser('phone');
  await signUp(page, u);
  await screenshot(page, 'phone-dashboard');
  await page.getByRole('button', { name: 'Open navigation menu' }).click();
  const drawer = page.getByRole('dialog', { name: 'Menu' });
  await expect(drawer).toBeVisible();
  await expectAccessible(page, 'phone menu');
  await screenshot(page, 'phone-menu');
  await drawer.getByRole('link', { name: 'Profile' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeFocused();
  await screenshot(page, 'phone-profile');
});

test('skip link and dark mode toggle', async ({ page }) => {
  await signUp(page, newUser('keys'));
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();

  await page.getByRole('button', { name: /Colour theme/ }).click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/); // persisted
  await page.getByRole('button', { name: /Colour theme/ }).click();
  await page.getByRole('menuitemradio', { name: 'Light' }).click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
});
