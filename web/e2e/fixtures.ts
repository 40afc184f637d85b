import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const shots = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'screenshots');

export const test = base.extend({
  // The origin is known only after global setup has picked free ports.
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error('E2E_BASE_URL is not set: global setup did not run');
    await use(url);
  },
});
export { expect };

let n = 0;
/** Unique sign-up data per test, so tests never share an account. */
export function newUser(tag: string) {
  n += 1;
  const id = `${Date.now().toString(36)}${n}`;
  return { name: `Ada ${tag}`, email: `ada.${tag}.${id}@example.com`, password: `violet-Harbour-${id}` };
}

// Subjects of the account mail (subgraphs/users/mailtext.go).
export const subjects = {
  verify: 'Confirm your email address for Career Coach',
  reset: 'Reset your Career Coach password',
  changeEmail: 'Confirm your new email address for Career Coach',
  passwordChanged: 'Your Career Coach password was changed',
};

/** The newest message to `to` with `subject` in the development mailbox (`coach dev` keeps mail there). */
export async function findMail(page: Page, to: string, subject: string): Promise<Locator> {
  if (new URL(page.url()).pathname !== '/dev/mailbox') await page.goto('/dev/mailbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Development mailbox' })).toBeVisible();
  const mail = page
    .getByRole('article')
    .filter({ hasText: `To ${to} ·` })
    .filter({ has: page.getByRole('heading', { name: subject, exact: true }) })
    .first();
  // Mail is sent in the background: check again until it is there.
  await expect(async () => {
    if (!(await mail.isVisible())) await page.getByRole('button', { name: 'Check for new mail' }).click();
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  return mail;
}

/** Follows the link to `path` (e.g. /verify-email) in the newest such mail. */
export async function followMailLink(page: Page, to: string, subject: string, path: string) {
  const mail = await findMail(page, to, subject);
  await mail.getByRole('link', { name: new RegExp(`${path}\\?token=`) }).click();
}

/** Signs up as a person does: the form, "check your inbox", the emailed link, the dashboard. */
export async function signUp(page: Page, u: ReturnType<typeof newUser>) {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill(u.name);
  await page.getByLabel('Email').fill(u.email);
  await page.getByLabel('Password', { exact: true }).fill(u.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the development mailbox' }).click();
  await followMailLink(page, u.email, subjects.verify, '/verify-email');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

/** Fails on any axe violation (WCAG 2.1 AA and best practices), naming each. */
export async function expectAccessible(page: Page, what: string) {
  const r = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const found = r.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe violations on ${what}`).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

// A real two-page PDF CV, printed by the same Chromium.
export async function cvPDF(context: BrowserContext, body?: string): Promise<Buffer> {
  const p = await context.newPage();
  await p.setContent(
    `<!doctype html><html><body style="font-family: sans-serif; font-size: 12pt">${body ?? ADA_CV}</body></html>`,
  );
  const pdf = await p.pdf({ format: 'A4' });
  await p.close();
  return pdf;
}

const ADA_CV = `
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
    <p>Certified Kubernetes Administrator (CKA)</p>`;
