// Astro renders what the core compiled. `jianbao build` passes `base`, `outDir`
// and the content directory (JIANBAO_CONTENT); this file holds the fixed parts.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
