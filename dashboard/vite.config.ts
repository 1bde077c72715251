import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dashboard is built into dashboard/dist and served by the gateway at `/`: no CDN, nothing fetched at run time.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, reportCompressedSize: false },
});
