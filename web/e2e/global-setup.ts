import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(web, '..');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? ok(a.port) : fail(new Error('no port'))));
    });
  });
}

async function waitFor(url: string, proc: ChildProcess, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc.exitCode !== null)
      throw new Error(`coach dev exited with ${proc.exitCode}; see test-results/coach.log`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready after ${ms} ms`);
}

/**
 * Starts the real platform for the browser tests and returns its teardown.
 * Tests read the app's origin from E2E_BASE_URL.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(web, 'dist', 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build` (make test-web does) before the browser tests');
  }
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(
      `${chromium} is missing: install Debian's Chromium (apt-get install -y chromium); browsers are never downloaded`,
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'coach-e2e-'));
  const bin = join(work, 'coach');
  execFileSync('go', ['build', '-o', bin, './cmd/coach'], { cwd: repo, stdio: 'inherit' });

  const apiPort = await freePort();
  const api = `http://127.0.0.1:${apiPort}`;
  const help = (() => {
    try {
      return execFileSync(bin, ['dev', '--help'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      return `${err.stdout ?? ''}${err.stderr ?? ''}`;
    }
  })();

  mkdirSync(join(web, 'test-results'), { recursive: true });
  const log = createWriteStream(join(web, 'test-results', 'coach.log'));
  const args = [
    'dev',
    '--data-dir',
    join(work, 'data'),
    '--addr',
    `127.0.0.1:${apiPort}`,
    '--public-url',
    api,
  ];
  // Every subgraph `coach dev` runs gets a free port too (never the defaults,
  // which a developer's own `make run` may hold).
  for (const flag of new Set(help.match(/--[a-z]+-addr\b/g) ?? [])) {
    args.push(flag, `127.0.0.1:${await freePort()}`);
  }
  // Every test signs up from 127.0.0.1: lift the per-address sign-up and
  // account-mail limits (meant for the open internet) above what the suite needs.
  for (const flag of ['--signups-per-ip', '--mail-per-ip']) {
    if (help.includes(flag)) args.push(flag, '10000');
  }
  // Each CV analysis stage is held 1.5 s, so the tests see the live
  // progress pass through the stages before DONE (a test hook of cv).
  if (help.includes('--cv-stage-delay')) args.push('--cv-stage-delay', '1500ms');
  // Started from the repository root, the router serves web/dist (its default
  // --web-dir) at `/`: the app is tested as shipped, on the router's origin.
  // The offline analyser, whatever AI keys the environment holds: tests never call out.
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(OPENAI|AZURE_OPENAI)_/.test(k)) delete env[k];
  const coach = spawn(bin, args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  coach.stdout?.pipe(log);
  coach.stderr?.pipe(log);
  await waitFor(`${api}/readyz`, coach, 60_000);

  process.env.E2E_BASE_URL = api;

  return async () => {
    coach.kill('SIGTERM');
    await new Promise((r) => {
      if (coach.exitCode !== null) r(null);
      coach.once('exit', r);
      setTimeout(r, 10_000);
    });
    log.end();
    rmSync(work, { recursive: true, force: true });
  };
}
