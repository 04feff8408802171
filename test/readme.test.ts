/** The README is documentation users rely on: keep it true to the code. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/core/index.ts';
import { COMMANDS } from '../src/cli/commands/index.ts';
import { ROOT } from './helpers/index.ts';

const readme = await readFile(join(ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  it('starts with the install+build command and the test command', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock).toContain('npm install && npm run build');
    expect(firstBlock).toContain('npm test');
  });

  it('lists every check rule with its severity', () => {
    for (const [id, rule] of Object.entries(RULES) as [string, { severity: string }][]) {
      expect(readme).toContain(`| \`${id}\` | ${rule.severity === 'error' ? '错误' : '警告'} |`);
    }
  });

  it('documents every command', () => {
    for (const name of Object.keys(COMMANDS)) expect(readme).toContain(`jianbao ${name}`);
  });

  it('documents every npm script', async () => {
    const { scripts } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const name of Object.keys(scripts)) expect(readme).toContain(name === 'test' ? 'npm test' : `npm run ${name}`);
  });

  it('.ci/run type-checks and lints, then runs exactly the README test command', async () => {
    const ci = await readFile(join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm test$/m);
    const steps = ['npx tsc --noEmit', 'npx astro check', 'npm run lint', 'npm test'].map((step) =>
      ci.indexOf(`\n${step}\n`),
    );
    expect(steps.every((at) => at > 0)).toBe(true);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });
});
