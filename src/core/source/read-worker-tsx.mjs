// Starts read-worker.ts from the sources (tsx, vitest): a worker thread does
// not inherit the main thread's TypeScript loader, so it registers tsx itself
// first. The CLI bundle runs read-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
