// The newsroom app is served by the toasoan binary under /toa-soan/ (see docs/newsroom-app.md).
// `vite build` writes to TOASOAN_NEWSROOM_OUT (CMake sets it to a folder of the build tree,
// whose files are compiled into the binary), or dist/ when run by hand.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: '/toa-soan/',
  plugins: [react()],
  build: {
    outDir: process.env.TOASOAN_NEWSROOM_OUT || 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // The pages run under a Content-Security-Policy without inline script; the preload
    // polyfill is for browsers the newsroom does not support.
    modulePreload: { polyfill: false },
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
