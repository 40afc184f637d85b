import type { BrowserContext } from '@playwright/test';
import { expect, expectAccessible, newUser, screenshot, signUp, test } from './fixtures';

// A real two-page PDF CV, printed by the same Chromium.
async function cvPDF(context: BrowserContext): Promise<Buffer> {
  const p = await context.newPage();
  await p.setContent(`<!doctype html><html><body style="font-family: sans-serif; font-size: 12pt">
    <h1>Ada Lovelace</h1>
    <p>ada.lovelace@example.com · +44 20 7946 0000 · London, United Kingdom</p>
    <h2>Summary</h2>
    <p>Backend engineer with 8 years of experience building data platforms in Python and Go.</p>
    <h2>Experience</h2>
    <h3>Senior Software Engineer, Analytical Engines Ltd (2019 – present)</h3>
    <ul>
      <li>Built data pipelines in Python and SQL on PostgreSQL processing 2 TB a day.</li>
      <li>Moved 40 services to Kubernetes and Docker, cutting deploy time by 70%.</li>
      <li>Led a team of 5 engineers; introduced code review and CI with GitHub Actions.</li>
    </ul>
    <h3>Software Engineer, Difference Co (2016 – 2019)</h3>
    <ul><li>Wrote REST APIs in Go and JavaScript; improved latency by 35%.</li></ul>
    <div style="page-break-before: always"></div>
    <h2>Education</h2>
    <p>BSc Mathematics, University of London, 2016</p>
    <h2>Skills</h2>
    <p>Python, Go, SQL, PostgreSQL, Kubernetes, Docker, JavaScript, Git, Linux, Stakeholder Management</p>
    <h2>Certifications</h2>
    <p>Certified Kubernetes Administrator (CKA)</p>
  </body></html>`);
  const pdf = await p.pdf({ format: 'A4' });
  await p.close();
  return pdf;
}

test('upload a two-page PDF CV, watch the analysis, see it on the dashboard', async ({ page, context }) => {
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
  await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 45_000 });
  await expect(bar).toHaveAttribute('aria-valuetext', /^100%: Done/);
  // The stages came over the WebSocket subscription (graphql-transport-ws).
  expect(frames.some((f) => f.includes('"cvAnalysisProgress"') && f.includes('"DONE"'))).toBe(true);
  await expect(page.getByTestId('cv-score')).toBeVisible();
  await expect(page.getByText('2 pages', { exact: false })).toBeVisible();
  const score = Number((await page.getByTestId('cv-score').innerText()).split('/')[0]);
  expect(score).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { name: /Skills found \([1-9]/ })).toBeVisible();
  for (const skill of ['Python', 'Kubernetes']) {
    await expect(page.locator('summary', { hasText: skill }).first()).toBeVisible();
  }
  await expectAccessible(page, 'CV analysis');
  await screenshot(page, 'light-cv-analysis');

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
