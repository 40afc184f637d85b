import { expect, expectAccessible, newUser, screenshot, signUp, test } from './fixtures';

const ad = `Data Analyst

About us
We are a retail company with 40 stores.

Requirements
- 2+ years of experience in a data analysis role
- Strong SQL and Excel, Python is a plus
- Excellent communication skills
- Bachelor's degree in a quantitative field

Nice to have
- Tableau or Power BI
`;

test('paste a job ad, see the breakdown, save it and track its status', async ({ page, baseURL }) => {
  // Works offline: nothing leaves the app's own origin.
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL ?? '') && !r.url().startsWith('data:')) outside.push(r.url());
  });
  await signUp(page, newUser('jobmatch'));
  await page.getByRole('link', { name: 'Job match' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Job match' })).toBeVisible();

  await page.getByRole('button', { name: 'Match my skills' }).click();
  await expect(page.getByRole('alert')).toHaveText('Paste the text of the job ad.');

  await page.getByLabel('Company (optional)').fill('Acme Retail');
  await page.getByLabel('Job ad').fill(ad);
  await page.getByRole('button', { name: 'Match my skills' }).click();
  const result = page.getByTestId('job-match');
  await expect(result.getByRole('heading', { name: /Match for Data Analyst: \d+ of 100/ })).toBeVisible();
  await expect(result).toContainText('You have no skill profile yet');
  const sql = result
    .getByRole('listitem')
    .filter({ hasText: 'The ad: “Strong SQL and Excel, Python is a plus”' })
    .first();
  await expect(sql).toContainText('SQL');
  await expect(sql).toContainText('Missing');
  await expect(sql).toContainText(/\+\d+ points if met/);
  const years = result
    .getByRole('listitem')
    .filter({ has: page.getByText('2+ years of experience', { exact: true }) });
  await expect(years).toContainText('Cannot tell');
  await expect(
    result.getByRole('listitem').filter({ has: page.getByText('Tableau', { exact: true }) }),
  ).toContainText('preferred');
  await expectAccessible(page, 'job match breakdown');
  await screenshot(page, 'light-job-match');

  await page.getByRole('button', { name: 'Save this job' }).click();
  await expect(page.getByText('Saved. Track it below.')).toBeVisible();
  const saved = page.getByRole('region', { name: 'Saved jobs' });
  await expect(saved).toContainText('Data Analyst at Acme Retail');
  await saved.getByLabel('Status of Data Analyst at Acme Retail').selectOption('APPLIED');
  await expect(saved).toContainText(/Interested .* → Applied /);
  await expectAccessible(page, 'saved jobs');

  await saved.getByRole('button', { name: 'Delete Data Analyst at Acme Retail' }).click();
  await expect(saved).toContainText('No saved jobs yet');
  expect(outside, 'requests outside the app').toEqual([]);
});
