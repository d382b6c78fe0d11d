import { defineConfig } from 'vite';

// The portal is a static site: `npm run build:portal` writes it to app/dist,
// which portal/src/server.ts serves (npm start) next to /config.json.
export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  oxc: { jsx: { runtime: 'automatic' } },
});
