import { expect, expectAccessible, newUser, screenshot, signUp, test } from './fixtures';

// Issue 25: every O*NET occupation, found by any of its titles; every figure with its release
// file, and a figure BLS does not publish said plainly.
test('job market: find an occupation by an alternate title, pay as a chart, outlook and sources', async ({
  page,
}) => {
  await signUp(page, newUser('market'));
  await page.getByRole('link', { name: 'Job market' }).first().click();
  await expect(page.getByText('Choose a role to see its job market')).toBeVisible();
  await expectAccessible(page, 'market (empty)');

  // "Journeyman electrician" is one of O*NET's alternate titles of Electricians.
  const find = page.getByRole('combobox', { name: 'Find a role' });
  await find.fill('journeyman elec');
  const option = page.getByRole('option', { name: /Electricians/ }).first();
  await expect(option).toContainText(/also called .*Journeyman/);
  await expectAccessible(page, 'market search suggestions');
  await find.press('ArrowDown');
  await expect(find).toHaveAttribute('aria-activedescendant', /opt-0/);
  await find.press('Enter');
  await expect(page).toHaveURL(/role=47-2111\.00/);
  await expect(page.getByRole('heading', { level: 2, name: 'Electricians', exact: true })).toBeVisible();

  const pay = page.getByRole('region', { name: 'Annual pay' });
  await expect(pay.getByRole('table', { name: /Annual pay of Electricians/ })).toBeAttached();
  await expect(pay.locator('.recharts-bar-rectangle')).toHaveCount(5); // 10th, 25th, median, 75th, 90th
  await expect(pay.getByText('$62,350', { exact: true })).toBeVisible(); // OEWS May 2024 median
  await expect(pay.getByText(/release file national_M2024_dl\.xlsx/).first()).toBeVisible();
  await expect(pay.getByRole('link', { name: /Bureau of Labor Statistics/ }).first()).toHaveAttribute(
    'href',
    /^https:\/\/www\.bls\.gov\//,
  );
  const outlook = page.getByRole('region', { name: 'Outlook' });
  await expect(outlook.getByText(/^[+-]?\d+(\.\d)?%$/)).toBeVisible();
  await expect(outlook.getByText(/^Source:/)).toHaveCount(4);
  await expect(outlook.getByText(/release file occupation\.xlsx/).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Top skills' }).getByRole('table')).toBeAttached();
  const notice = page.getByRole('region', { name: 'Data sources' });
  await expect(notice).toContainText('O*NET® is a trademark of USDOL/ETA');
  await expect(notice).toContainText('U.S. Bureau of Labor Statistics');
  await expectAccessible(page, 'market page');
  await screenshot(page, 'light-market-insights');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expectAccessible(page, 'market page (dark)');
  await page.emulateMedia({ colorScheme: 'light' });

  // Browse a category instead: Healthcare → Registered Nurses.
  await page.getByLabel('Or browse a category').selectOption('HEALTHCARE');
  await page.getByLabel('Role in the category').selectOption({ label: 'Registered Nurses' });
  await expect(page).toHaveURL(/role=29-1141\.00/);
  await expect(page.getByRole('heading', { level: 2, name: 'Registered Nurses', exact: true })).toBeVisible();

  // a related role opens its own figures
  const related = page.getByRole('region', { name: 'Related roles' }).getByRole('button').first();
  const title = (await related.textContent())!;
  await related.click();
  await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
  await expect(page).not.toHaveURL(/role=29-1141\.00/);
});

test('job market: a figure BLS does not publish is said plainly, never a zero', async ({ page }) => {
  await signUp(page, newUser('market-none'));
  // OEWS publishes no annual wages for actors (they are paid by the hour or the show).
  await page.goto('/market?role=27-2011.00');
  await expect(page.getByRole('heading', { level: 2, name: 'Actors', exact: true })).toBeVisible();
  const pay = page.getByRole('region', { name: 'Annual pay' });
  await expect(pay.getByText('No figure published.').first()).toBeVisible();
  await expect(
    pay
      .getByText('No figure published: BLS OEWS May 2024 does not publish this estimate for SOC 27-2011.')
      .first(),
  ).toBeVisible();
  await expect(pay.getByText(/\$0\b/)).toHaveCount(0);
  await expect(pay.locator('.recharts-bar-rectangle')).toHaveCount(0);
  // what BLS does publish for actors is still shown, with its source
  await expect(
    page
      .getByRole('region', { name: 'Outlook' })
      .getByText(/^Source:/)
      .first(),
  ).toBeVisible();
  await expectAccessible(page, 'market without pay figures');
});
