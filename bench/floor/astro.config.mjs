// The floor jianbao is measured against: a bare Astro 5 site that renders
// every entry of a content directory as a plain page with the glob loader.
import { defineConfig } from 'astro/config';

export default defineConfig({ output: 'static', devToolbar: { enabled: false } });
