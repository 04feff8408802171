/**
 * bin/jianbao.js runs the CLI from a bundle of src/ made by esbuild, rebuilt
 * whenever src/ changes (never a stale one), and from the sources through tsx
 * when no bundle can be made. Real processes on a copy of the package.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempDir } from '../helpers/index.ts';

let root: string;

function jianbao(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin/jianbao.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function bundles(): Promise<string[]> {
  return (await readdir(join(root, '.jianbao/cli')).catch(() => [])).sort();
}

beforeAll(async () => {
  root = await tempDir('jianbao-launch-');
  for (const name of ['bin', 'src', 'templates', 'public', 'astro.config.mjs', 'package.json'])
    await cp(join(ROOT, name), join(root, name), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
});

describe('bin/jianbao.js', () => {
  it('bundles src/ on first run, then runs from the bundle', async () => {
    const check = jianbao('check', '--content', join(FIXTURES, 'base/content'));
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('没有发现问题');
    expect(check.code).toBe(0);
    const made = await bundles();
    expect(made).toHaveLength(1);
    expect(await readdir(join(root, '.jianbao/cli', made[0]!))).toContain('run.js');
    expect(jianbao('--version').stdout).toBe('0.1.0\n');
    expect(await bundles()).toEqual(made);
  });

  it('builds a site from the bundle, checking and compiling in its worker thread', async () => {
    const out = join(await tempDir('jianbao-launch-out-'), 'dist');
    const build = jianbao('build', '--drafts', '--content', join(FIXTURES, 'base/content'), '--out', out);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/检查通过（用时 [\d.]+ 秒）\n已编译 2 期、4 篇稿件/);
    expect(await readFile(join(out, 'zhuanbao/2024/3/index.html'), 'utf8')).toContain('测试区安全生产工作专报');
  });

  it('never runs a stale bundle: a change to src/ makes a new one', async () => {
    const before = await bundles();
    const main = join(root, 'src/cli/main.ts');
    await writeFile(
      main,
      (await readFile(main, 'utf8')).replace(
        "export const VERSION = '0.1.0';",
        "export const VERSION = '0.1.0-changed';",
      ),
    );
    expect(jianbao('--version').stdout).toBe('0.1.0-changed\n');
    const after = await bundles();
    expect(after).toHaveLength(2);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it('runs from the sources through tsx when no bundle can be made', async () => {
    const other = await tempDir('jianbao-launch-');
    for (const name of ['bin', 'src', 'templates', 'package.json'])
      await cp(join(root, name), join(other, name), { recursive: true });
    await symlink(join(ROOT, 'node_modules'), join(other, 'node_modules'), 'dir');
    // A file where the bundles' folder should be: mkdir fails, even for root.
    await mkdir(join(other, '.jianbao'));
    await writeFile(join(other, '.jianbao/cli'), '');
    const result = spawnSync(process.execPath, [join(other, 'bin/jianbao.js'), '--version'], {
      cwd: other,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('0.1.0-changed\n');
    // Nor where the temporary folder cannot be written either (tsx keeps its cache there): a file, even for root.
    const noTemp = join(other, 'not-a-folder');
    await writeFile(noTemp, '');
    const check = spawnSync(
      process.execPath,
      [join(other, 'bin/jianbao.js'), 'check', '--content', join(FIXTURES, 'base/content')],
      { cwd: other, encoding: 'utf8', env: { ...process.env, TMPDIR: noTemp, NO_COLOR: '1' } },
    );
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('没有发现问题');
    expect(check.status).toBe(0);
  });
});

describe('the bundle digest', () => {
  it('is the same wherever the package lies (the offline bundle ships its CLI prebuilt)', async () => {
    const { sourcesDigest } = await import('../../bin/launch.js');
    const copies = [
      join(await tempDir('jianbao-digest-'), 'a'),
      join(await tempDir('jianbao-digest-'), '张三的 桌面', 'jianbao'),
    ];
    for (const copy of copies) {
      for (const name of ['src', 'package.json', 'package-lock.json'])
        await cp(join(ROOT, name), join(copy, name), { recursive: true });
    }
    expect(sourcesDigest(copies[0])).toBe(sourcesDigest(copies[1]));
    await writeFile(join(copies[1]!, 'src/cli/extra.ts'), 'export {};\n');
    expect(sourcesDigest(copies[0])).not.toBe(sourcesDigest(copies[1]));
    // The installed packages count: npm's record of node_modules, or of the node_modules the package is installed in.
    const before = sourcesDigest(copies[0]);
    await mkdir(join(copies[0]!, 'node_modules'), { recursive: true });
    await writeFile(join(copies[0]!, 'node_modules/.package-lock.json'), '{}');
    const installed = sourcesDigest(copies[0]);
    expect(installed).not.toBe(before);
    await writeFile(join(copies[0]!, '../.package-lock.json'), '{}');
    expect(sourcesDigest(copies[0])).not.toBe(installed);
  });
});

describe('stack traces of our own bugs', () => {
  it('name the source file and line, not the bundle', async () => {
    const { build } = await import('esbuild');
    const { sourceStack } = await import('../../src/cli/stack.ts');
    const dir = await tempDir('jianbao-stack-');
    await writeFile(
      join(dir, 'fail.ts'),
      "export function fail(): never {\n  const message: string = 'boom';\n  throw new Error(message);\n}\n",
    );
    await build({
      entryPoints: [join(dir, 'fail.ts')],
      outfile: join(dir, 'out/fail.js'),
      bundle: true,
      format: 'esm',
      platform: 'node',
      sourcemap: 'linked',
      logLevel: 'silent',
    });
    // A plain Node process (vitest would map the frames itself).
    const script = `import(${JSON.stringify(join(dir, 'out/fail.js'))}).then((m) => { try { m.fail(); } catch (error) { console.log(error.stack); } })`;
    const stack = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout;
    expect(stack).toContain('out/fail.js:');
    expect(sourceStack(stack)).toContain(`${join(dir, 'fail.ts')}:3:`);
  });
});
