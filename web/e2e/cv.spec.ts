import { cvPDF, expect, expectAccessible, newUser, screenshot, signUp, test } from './fixtures';

test('upload a two-page PDF CV, watch the analysis, see it on the dashboard', async ({ page, context }) => {
  test.setTimeout(150_000); // four axe scans and a held analysis on a shared 2-core machine
  const pdf = await cvPDF(context);
  await signUp(page, newUser('cv'));
  await page.getByRole('link', { name: 'CV' }).first().click();
  await expect(page.getByText('No CV yet')).toBeVisible();
  await expectAccessible(page, 'CV page, empty');

  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  await page
    .getByLabel(/CV file/)
    .setInputFiles({ name: 'ada-lovelace-cv.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Upload and analyse' }).click();

  // Live progress from the subscription, then the analysis.
  await expect(page.getByRole('heading', { name: 'ada-lovelace-cv.pdf' })).toBeVisible();
  const bar = page.getByRole('progressbar', { name: 'Analysis' });
  // A stage before DONE is shown (the stack holds each stage 1.5 s: --cv-stage-delay).
  await expect(bar).toHaveAttribute(
    'aria-valuetext',
    /^(10|40|60)%: (Reading the text|Finding the sections|Analysing)/,
    { timeout: 30_000 },
  );
  await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 45_000 });
  await expect(bar).toHaveAttribute('aria-valuetext', /^100%: Done/);
  // The stages came over the WebSocket subscription (graphql-transport-ws).
  expect(frames.some((f) => f.includes('"cvAnalysisProgress"') && f.includes('"DONE"'))).toBe(true);
  const stages = ['EXTRACTING', 'PARSING', 'ANALYZING'].filter((st) =>
    frames.some((f) => f.includes('"cvAnalysisProgress"') && f.includes(`"${st}"`)),
  );
  expect(stages.length, `intermediate stages received: ${stages.join(', ')}`).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('cv-score')).toBeVisible();
  await expect(page.getByText('2 pages', { exact: false })).toBeVisible();
  const score = Number((await page.getByTestId('cv-score').innerText()).split('/')[0]);
  expect(score).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { name: /Skills found \([1-9]/ })).toBeVisible();
  for (const skill of ['Python', 'Kubernetes']) {
    await expect(page.locator('summary', { hasText: skill }).first()).toBeVisible();
  }
  // What was read and how sure we are, in words and number (issue 21).
  const reading = page.getByRole('region', { name: 'How well we read your CV' });
  await expect(reading.getByTestId('cv-confidence')).toHaveText(
    /^We read this CV with (high|medium|low) confidence \((0\.\d\d|1\.00)\)\.$/,
  );
  const unread = reading.getByRole('region', { name: 'What we could not read' });
  if ((await unread.count()) > 0) {
    await expect(unread.getByRole('listitem').first()).toBeVisible();
  } else {
    await expect(reading).toContainText('We found no part of your CV that we could not read.');
  }
  // Certifications are read as entries (issue 21).
  await expect(
    page.getByRole('region', { name: 'What we read' }).getByRole('list', { name: 'Certifications' }),
  ).toContainText('Certified Kubernetes Administrator (CKA)');
  await expectAccessible(page, 'CV analysis');
  await screenshot(page, 'light-cv-analysis');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(reading.getByTestId('cv-confidence')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page, 'CV analysis at 390 px');
  await screenshot(page, 'light-cv-analysis-390');
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await expect(page.getByLabel(`Score ${score} of 100`)).toBeVisible();
  await screenshot(page, 'light-dashboard-with-cv');
});

test('a file that is not a CV is refused in words before upload', async ({ page }) => {
  await signUp(page, newUser('cvbad'));
  await page.goto('/cv');
  await page
    .getByLabel(/CV file/)
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByRole('alert')).toHaveText('Choose a PDF or Word (.docx) file.');
});
