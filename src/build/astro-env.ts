/**
 * The process environment Astro runs in: nothing phoned home (telemetry and
 * update checks off: the intranet has no internet) and none of the
 * variables Astro would read over its own settings. The compiled site does
 * not pass through here: the pages get it from the site module
 * (site-module.ts).
 */

import { isMainThread } from 'node:worker_threads';

const FIXED = { ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true' };

/**
 * Variables Astro would read from the environment into `import.meta.env`
 * over its own values: a `BASE_URL` left by a CI system or a test runner
 * would silently replace `site.base`. Hidden while Astro runs.
 */
const MASKED = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'];

/**
 * Set the environment for the duration of `run`, then put it back. `cwd`:
 * Astro puts its server chunks inside outDir only when outDir lies under the
 * working directory (otherwise into `./.astro/` of the working directory,
 * shared by concurrent builds), so the build works from the package root.
 * Worker threads cannot change directory; there the fallback applies.
 */
export async function withAstroEnv<T>(cwd: string, run: () => Promise<T>): Promise<T> {
  const values: Record<string, string> = { ...FIXED };
  const saved = Object.fromEntries([...Object.keys(values), ...MASKED].map((key) => [key, process.env[key]]));
  const savedCwd = process.cwd();
  Object.assign(process.env, values);
  for (const key of MASKED) delete process.env[key];
  if (isMainThread) process.chdir(cwd);
  try {
    return await run();
  } finally {
    if (isMainThread) process.chdir(savedCwd);
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** For the long-running dev server: set once, never restored. */
export function setAstroEnv(): void {
  Object.assign(process.env, FIXED);
  for (const key of MASKED) delete process.env[key];
}
