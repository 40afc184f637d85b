import { cvPDF, expect, expectAccessible, newUser, signUp, test } from './fixtures';

// Experience under a heading no lexicon holds: the reading misses it until
// the user says what the heading is (issue 21).
const GRETA_CV = `
    <h1>Greta Berger</h1>
    <p>greta.berger@example.com · +49 30 1234 5678 · Berlin, Germany</p>
    <h2>Summary</h2>
    <p>Platform engineer who builds developer tooling and the pipelines around it.</p>
    <h2>Where I worked</h2>
    <p>Platform Engineer | Nordlicht GmbH | Mar 2018 – Jun 2023</p>
    <ul><li>Built Go services on PostgreSQL and ran them on Kubernetes.</li></ul>
    <h2>Education</h2>
    <p>BSc Computer Science, TU Berlin, 2014 – 2018</p>
    <h2>Skills</h2>
    <p>Go, PostgreSQL, Kubernetes, Docker</p>
    <h2>Languages</h2>
    <p>German (native), English (C1)</p>`;

test('the user fixes what was misread and the analysis follows', async ({ page, context }) => {
  test.setTimeout(180_000); // two axe scans and five corrections on a shared 2-core machine
  const pdf = await cvPDF(context, GRETA_CV);
  await signUp(page, newUser('cvfix'));
  await page.goto('/cv');
  await page
    .getByLabel(/CV file/)
    .setInputFiles({ name: 'greta.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Upload and analyse' }).click();
  await expect(page.getByRole('progressbar', { name: 'Analysis' })).toHaveAttribute('aria-valuenow', '100', {
    timeout: 45_000,
  });

  // What was read besides skills: location and spoken languages with levels.
  const read = page.getByRole('region', { name: 'What we read' });
  await expect(read.getByTestId('cv-location')).toHaveText(/Berlin/);
  await expect(read.getByRole('list', { name: 'Spoken languages' })).toContainText('German (native)');
  await expect(read.getByRole('list', { name: 'Spoken languages' })).toContainText('English (C1)');

  const reading = page.getByRole('region', { name: 'How well we read your CV' });
  const unread = reading.getByRole('region', { name: 'What we could not read' });
  await expect(unread).toContainText('Experience:');
  const confidenceBefore = await reading.getByTestId('cv-confidence').innerText();

  const fix = page.getByRole('region', { name: 'Fix what we misread' });
  await expectAccessible(page, 'CV corrections');

  // "This is Experience": the positions are read from the stored text.
  await fix.getByLabel('A heading we missed, as your CV writes it').fill('Where I worked');
  await fix.getByLabel('It heads').selectOption('EXPERIENCE');
  await fix.getByRole('button', { name: 'Re-label' }).click();
  await expect(
    fix.getByText('“Where I worked” is now read as Experience; the analysis was updated.'),
  ).toBeVisible();
  await expect(reading).not.toContainText('Experience:');
  await expect(reading.getByTestId('cv-confidence')).not.toHaveText(confidenceBefore);
  await expect(fix.getByLabel('“Where I worked” (set by you) is read as')).toHaveValue('EXPERIENCE');
  const position = fix.getByRole('region', { name: 'Positions' });
  await expect(position).toContainText('Platform Engineer at Nordlicht GmbH · 2018-03 – 2023-06');

  // A skill the CV does not show goes; a missed one is the user's statement.
  const skills = page.getByRole('region', { name: /Skills found/ });
  await expect(skills.locator('summary', { hasText: 'Docker' })).toBeVisible();
  await fix.getByRole('button', { name: 'Remove Docker: my CV does not show it' }).click();
  await expect(fix.getByText('Removed Docker; the analysis was updated.')).toBeVisible();
  await expect(skills.locator('summary', { hasText: 'Docker' })).toHaveCount(0);
  await expect(fix.getByRole('button', { name: 'Restore Docker' })).toBeVisible();

  await fix.getByLabel('A skill we missed').fill('Terraform');
  await fix.getByLabel('Your level').selectOption('4');
  await fix.getByRole('button', { name: 'Add skill' }).click();
  await expect(
    fix.getByText('Added Terraform as your own statement; the analysis was updated.'),
  ).toBeVisible();
  await expect(skills.locator('summary', { hasText: 'Terraform' })).toContainText('your statement');

  // Fix the dates of the position.
  await position.getByText('Platform Engineer at Nordlicht GmbH').click();
  await position.getByLabel('Start (YYYY or YYYY-MM)').fill('2017-11');
  await position.getByLabel('I still work here').check();
  await position.getByRole('button', { name: 'Save position' }).click();
  await expect(fix.getByText('Saved Platform Engineer; the analysis was updated.')).toBeVisible();
  await expect(position).toContainText('2017-11 – present (fixed by you)');

  // A refused correction says why, in words.
  await fix.getByLabel('A heading we missed, as your CV writes it').fill('A line my CV does not have');
  await fix.getByRole('button', { name: 'Re-label' }).click();
  await expect(fix.getByRole('alert')).toContainText(/no line of your CV reads/i);

  await expectAccessible(page, 'CV corrections applied');

  // The corrections are stored: a reload shows them.
  await page.reload();
  await expect(
    page.getByRole('region', { name: /Skills found/ }).locator('summary', { hasText: 'Terraform' }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: /Skills found/ }).locator('summary', { hasText: 'Docker' }),
  ).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Positions' })).toContainText('(fixed by you)');
});
