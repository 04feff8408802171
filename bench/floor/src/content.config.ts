import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// FLOOR_ENTRIES: the entries/ folder of a (generated) jianbao content directory.
const entries = defineCollection({
  loader: glob({ pattern: '**/[^_]*.md', base: process.env.FLOOR_ENTRIES ?? '../out/content/entries' }),
});

export const collections = { entries };
