import { cvPDF, expect, expectAccessible, newUser, signUp, test } from './fixtures';

test('a failed upload does not replace the good CV on the dashboard; CVs can be deleted', async ({
  page,
  context,
}) => {
  const pdf = await cvPDF(context);
  // A PDF with almost no text: it uploads, then fails the reading quality gate.
  const blank = await context.newPage();
  await blank.setContent('<!doctype html><html><body><p>.</p></body></html>');
  const empty = await blank.pdf({ format: 'A4' });
  await blank.close();

  await signUp(page, newUser('cvdel'));
  await page.goto('/cv');
  const upload = async (name: string, buffer: Buffer) => {
    await page.getByLabel(/CV file/).setInputFiles({ name, mimeType: 'application/pdf', buffer });
    await page.getByRole('button', { name: 'Upload and analyse' }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
  };
  await upload('good-cv.pdf', pdf);
  await expect(page.getByTestId('cv-score')).toBeVisible({ timeout: 45_000 });
  const score = Number((await page.getByTestId('cv-score').innerText()).split('/')[0]);
  await upload('blank-cv.pdf', empty);
  await expect(page.getByText('The analysis failed')).toBeVisible({ timeout: 45_000 });

  // The dashboard keeps the good score and names the failed upload with its reason.
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  const latest = page.getByRole('region', { name: 'Latest CV' });
  await expect(latest.getByLabel(`Score ${score} of 100`)).toBeVisible();
  await expect(latest.getByText('good-cv.pdf')).toBeVisible();
  const failed = latest.getByTestId('dashboard-cv-failed');
  await expect(failed).toContainText('blank-cv.pdf: the analysis failed.');
  // The server's reason follows (whatever its words), not just "failed".
  expect(
    (await failed.innerText()).replace(/blank-cv\.pdf: the analysis failed\.\s*/, '').length,
  ).toBeGreaterThan(20);
  await expectAccessible(page, 'dashboard with a failed upload');

  // Delete the failed one: a confirmation first, then it is gone from the list.
  await page.getByRole('link', { name: 'CV' }).first().click();
  const list = page.getByRole('navigation', { name: 'Your CVs' });
  await list.getByRole('button', { name: 'blank-cv.pdf' }).click();
  await page.getByRole('button', { name: 'Delete CV…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete “blank-cv.pdf”?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'delete CV confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'blank-cv.pdf' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete CV…' }).click();
  await dialog.getByRole('button', { name: 'Delete CV' }).click();
  // The question closes; it does not stay open about the CV shown next.
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'good-cv.pdf' })).toBeVisible();
  await expect(list).toBeHidden(); // one CV left: no list to choose from
  await expect(page.getByRole('heading', { name: 'blank-cv.pdf' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await expect(latest.getByLabel(`Score ${score} of 100`)).toBeVisible();
  await expect(latest.getByTestId('dashboard-cv-failed')).toHaveCount(0);

  // The last one too; after a reload the server agrees.
  await page.getByRole('link', { name: 'CV' }).first().click();
  await page.getByRole('button', { name: 'Delete CV…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete CV' }).click();
  await expect(page.getByText('No CV yet')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No CV yet')).toBeVisible();
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await expect(latest.getByText('No CV yet')).toBeVisible();
});

test('milestones can be edited and deleted', async ({ page }) => {
  await signUp(page, newUser('msedit'));
  await page.goto('/goals');
  await page.getByLabel('Title').fill('Become a data engineer');
  const role = page.getByLabel('Target role');
  await expect(role.locator('option')).not.toHaveCount(1);
  const value = await role
    .locator('option', { hasText: /Data Engineer/ })
    .first()
    .getAttribute('value');
  await role.selectOption(value!);
  await page.getByRole('button', { name: 'Create goal' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Become a data engineer' })).toBeVisible();
  for (const [title, due] of [
    ['Finish a SQL cours', '2027-01-31'],
    ['Build a pipeline project', ''],
  ]) {
    await page.getByLabel('New milestone').fill(title!);
    if (due) await page.getByLabel('Due (optional)').fill(due);
    await page.getByRole('button', { name: 'Add milestone' }).click();
    await expect(page.getByLabel(title!, { exact: true })).toBeVisible();
  }

  // Edit: fix the typo and move the date; a blank title is refused in words.
  await page.getByRole('button', { name: 'Edit Finish a SQL cours' }).click();
  const form = page.getByRole('form', { name: 'Edit milestone Finish a SQL cours' });
  const title = form.getByLabel('Milestone title');
  await expect(title).toBeFocused();
  await title.fill('  ');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText('Give the milestone a title.');
  await title.fill('Finish a SQL course');
  await form.getByLabel('Due date (empty for none)').fill('2027-03-15');
  await expectAccessible(page, 'milestone being edited');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  const edited = page
    .getByRole('listitem')
    .filter({ has: page.getByLabel('Finish a SQL course', { exact: true }) });
  await expect(edited).toContainText(/due .*2027/);
  await expect(edited).not.toContainText(/2027-01-31|1\/31\/2027|31 Jan/);
  await expect(page.getByRole('button', { name: 'Edit Finish a SQL course' })).toBeFocused();

  // Delete the other after a confirmation; progress counts only what is left.
  await page.getByLabel('Finish a SQL course', { exact: true }).check();
  const bar = page.getByRole('progressbar', { name: 'Progress of Become a data engineer' });
  await expect(bar).toHaveAttribute('aria-valuenow', '50');
  await page.getByRole('button', { name: /^Delete Build a pipeline project/ }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete the milestone “Build a pipeline project”?' });
  await expectAccessible(page, 'delete milestone confirmation');
  await dialog.getByRole('button', { name: 'Delete milestone' }).click();
  await expect(page.getByLabel('Build a pipeline project', { exact: true })).toHaveCount(0);
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expectAccessible(page, 'goals after editing milestones');

  // The server kept both changes.
  await page.reload();
  await expect(page.getByLabel('Finish a SQL course', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Build a pipeline project', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Finish a SQL cours', { exact: true })).toHaveCount(0);
});
