// Browser test of the bundled GraphiQL: Debian's Chromium (never a
// downloaded browser), one worker, the router started by `go run`.
import { defineConfig } from '@playwright/test';

const port = process.env.GRAPHIQL_E2E_PORT || '4710';
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        // No outside network at all: every host but the loopback fails to resolve.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    },
  },
  webServer: {
    command: `go run ./router/internal/edgedemo --addr 127.0.0.1:${port}`,
    cwd: '../../..',
    url: `${baseURL}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
  },
});
