import { expect, expectAccessible, newUser, screenshot, signUp, test } from './fixtures';

test('job market: pick a role, see pay as a chart, outlook and skills, each with its source', async ({
  page,
}) => {
  await signUp(page, newUser('market'));
  await page.getByRole('link', { name: 'Job market' }).first().click();
  await expect(page.getByText('Choose a role to see its job market')).toBeVisible();

  const role = page.getByLabel('Role', { exact: true });
  await expect(role.locator('option')).not.toHaveCount(1);
  await role.selectOption('data-engineer');
  await expect(page).toHaveURL(/role=data-engineer/);

  const pay = page.getByRole('region', { name: 'Annual pay' });
  await expect(pay.getByRole('table', { name: /Annual pay of/ })).toBeAttached();
  await expect(pay.getByText('Median', { exact: true }).first()).toBeVisible();
  await expect(pay.getByText(/^\$[\d,]+( or more)?$/).first()).toBeVisible();
  await expect(pay.locator('.recharts-bar-rectangle')).toHaveCount(3); // a real chart
  await expect(pay.getByRole('link', { name: /Bureau of Labor Statistics/ }).first()).toHaveAttribute(
    'href',
    /^https:\/\/www\.bls\.gov\//,
  );

  const outlook = page.getByRole('region', { name: 'Outlook' });
  await expect(outlook.getByText('Projected growth')).toBeVisible();
  await expect(outlook.getByText(/^[+-]?\d+(\.\d)?%$/)).toBeVisible();
  await expect(outlook.getByText('Openings each year')).toBeVisible();
  await expect(outlook.getByText('Typical education', { exact: true })).toBeVisible();
  // every figure names its source, year and link
  await expect(outlook.getByText(/^Source:/)).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Top skills' }).getByRole('table')).toBeAttached();
  await expect(
    page.getByRole('region', { name: 'Hot technologies' }).getByRole('listitem').first(),
  ).toBeVisible();
  await expectAccessible(page, 'market page');
  await screenshot(page, 'light-market-insights');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expectAccessible(page, 'market page (dark)');
  await screenshot(page, 'dark-market-insights');
  await page.emulateMedia({ colorScheme: 'light' });

  // a related role opens its own figures
  const related = page.getByRole('region', { name: 'Related roles' }).getByRole('button').first();
  const title = (await related.textContent())!;
  await related.click();
  await expect(role.locator('option:checked')).toHaveText(title);
  await expect(page).not.toHaveURL(/role=data-engineer/);
});
