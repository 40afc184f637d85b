import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the router under /graphiql/ (GET /graphql answers browsers
// with index.html); hashed file names let the router cache them forever.
export default defineConfig({
  base: '/graphiql/',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
  },
});
