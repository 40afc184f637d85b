/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

// The router (coach dev, port 4000) serves /graphql, /auth/* and the JWKS; in
// development Vite forwards them so the app runs on one origin, as in production.
const api = process.env.COACH_API_URL ?? 'http://127.0.0.1:4000';
const proxy = {
  '/graphql': { target: api, ws: true, changeOrigin: false },
  '/auth': { target: api, changeOrigin: false },
  '/.well-known': { target: api, changeOrigin: false },
};

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 700 },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    // Lazy pages and charts take seconds to load on a busy shared machine.
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
