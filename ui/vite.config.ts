// Vite builds the UI into ui/dist, which tauri.conf.json serves. The dev server port is fixed because
// tauri.conf.json's devUrl names it.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    target: 'safari16',
    outDir: 'dist',
    emptyOutDir: true,
    // One CSS file and no inline <style>: the CSP has no nonce for them.
    cssCodeSplit: false,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    // The stylesheet as text (`app.css?raw`), for the tests that check how rows are laid out.
    css: { include: [/app\.css/] },
  },
  // Svelte's browser build under Vitest (jsdom), its server build otherwise.
  resolve: (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.VITEST
    ? { conditions: ['browser'] }
    : undefined,
});
