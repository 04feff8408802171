/**
 * The content folder in the offline bundle: given once, remembered in the
 * bundle's 设置.json, found again from any folder; Windows paths resolved
 * with Windows' rules (checked here with path.win32).
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path, { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_MARKER,
  bundleEnv,
  bundleHome,
  chooseBundleContent,
  rememberContent,
  rememberedContent,
} from '../../src/cli/bundle-home.ts';
import { main } from '../../src/cli/main.ts';
import { resolveContentDir } from '../../src/core/paths.ts';
import { FIXTURES, tempDir } from '../helpers/index.ts';

describe('resolveContentDir with Windows paths', () => {
  const cwd = 'C:\\Users\\张三\\Desktop';
  const resolveWin = (flag: string | undefined, env: Record<string, string> = {}) =>
    resolveContentDir(flag, env, cwd, path.win32);

  it('keeps drive letters, shares, spaces and Chinese; resolves relative folders and ..', () => {
    expect(resolveWin('C:\\Users\\张三\\Desktop\\简报 内容\\')).toBe('C:\\Users\\张三\\Desktop\\简报 内容');
    expect(resolveWin('简报 内容')).toBe('C:\\Users\\张三\\Desktop\\简报 内容');
    expect(resolveWin('..\\..\\李四\\简报')).toBe('C:\\Users\\李四\\简报');
    expect(resolveWin('D:/简报/内容')).toBe('D:\\简报\\内容');
    expect(resolveWin('\\\\fileserver\\安委办\\简报 内容')).toBe('\\\\fileserver\\安委办\\简报 内容');
    expect(resolveWin(undefined, { JIANBAO_CONTENT: 'E:\\简报' })).toBe('E:\\简报');
    expect(resolveWin(undefined)).toBe('C:\\Users\\张三\\Desktop\\content');
  });

  it('drops the quote a trailing backslash leaves on the Windows command line', () => {
    expect(resolveWin('D:\\简报 内容"')).toBe('D:\\简报 内容');
    expect(resolveWin('D:"')).toBe('D:\\');
  });

  it('keeps long paths whole', () => {
    const deep = `C:\\Users\\张三\\Desktop\\${Array.from({ length: 30 }, (_, i) => `第${i}层 文件夹`).join('\\')}`;
    expect(deep.length).toBeGreaterThan(260);
    expect(resolveWin(deep)).toBe(deep);
  });

  it('on POSIX, a quote is a legal character and stays', () => {
    expect(resolveContentDir('简报"', {}, '/home/张三', path.posix)).toBe('/home/张三/简报"');
    expect(resolveContentDir('../李四/简报 内容', {}, '/home/张三', path.posix)).toBe('/home/李四/简报 内容');
  });
});

describe('bundleHome', () => {
  it('is the folder around app/ when app/bundle.json exists, with Windows paths', () => {
    const root = 'C:\\Users\\张三\\Desktop\\jianbao-0.1.0-win32-x64\\app';
    const home = bundleHome(root, (file) => file === `${root}\\${BUNDLE_MARKER}`, path.win32);
    expect(home).toEqual({
      dir: 'C:\\Users\\张三\\Desktop\\jianbao-0.1.0-win32-x64',
      settingsFile: 'C:\\Users\\张三\\Desktop\\jianbao-0.1.0-win32-x64\\设置.json',
      sampleContent: 'C:\\Users\\张三\\Desktop\\jianbao-0.1.0-win32-x64\\示例内容',
      browserDir: 'C:\\Users\\张三\\Desktop\\jianbao-0.1.0-win32-x64\\app\\.jianbao\\browser',
    });
    expect(bundleHome(root, () => false, path.win32)).toBeUndefined();
    expect(bundleEnv(home!, 'win32', path.win32)).toEqual({});
    expect(bundleEnv(home!, 'linux', path.posix)).toEqual({
      XDG_CONFIG_HOME: `${home!.browserDir}/config`,
      XDG_CACHE_HOME: `${home!.browserDir}/cache`,
    });
  });

  it('chooses --content, then JIANBAO_CONTENT, then the remembered folder while it exists, then the sample content', () => {
    const home = bundleHome('C:\\简报\\jianbao\\app', () => true, path.win32)!;
    const existing = new Set(['C:\\Users\\张三\\Desktop\\简报 内容', '\\\\fileserver\\安委办\\简报']);
    const options = {
      isDirectory: (dir: string) => existing.has(dir),
      paths: path.win32,
      read: () => JSON.stringify({ 内容目录: '\\\\fileserver\\安委办\\简报' }),
    };
    const cwd = 'C:\\Users\\张三\\Desktop';
    expect(chooseBundleContent('简报 内容', {}, cwd, home, options)).toEqual({
      contentDir: 'C:\\Users\\张三\\Desktop\\简报 内容',
      remember: true,
    });
    expect(chooseBundleContent('没有这个', {}, cwd, home, options)).toEqual({
      contentDir: 'C:\\Users\\张三\\Desktop\\没有这个',
      remember: false,
    });
    expect(chooseBundleContent(undefined, { JIANBAO_CONTENT: 'D:\\x' }, cwd, home, options)).toEqual({
      contentDir: 'D:\\x',
      remember: false,
    });
    expect(chooseBundleContent(undefined, {}, cwd, home, options)).toEqual({
      contentDir: '\\\\fileserver\\安委办\\简报',
      remember: false,
    });
    const gone = chooseBundleContent(undefined, {}, cwd, home, { ...options, isDirectory: () => false });
    expect(gone.contentDir).toBe(home.sampleContent);
    expect(gone.notice).toContain('上次使用的内容目录不存在');
    expect(gone.notice).toContain('\\\\fileserver\\安委办\\简报');
    const fresh = chooseBundleContent(undefined, {}, cwd, home, {
      ...options,
      read: () => {
        throw new Error('none');
      },
    });
    expect(fresh).toMatchObject({ contentDir: home.sampleContent, remember: false });
    expect(fresh.notice).toContain('使用示例内容');
  });
});

describe('the CLI in a bundle', () => {
  it('remembers the folder given once, uses it from any folder, and falls back to the sample content when it is gone', async () => {
    const bundleDir = join(await tempDir('jianbao-bundle-home-'), '简报 离线版');
    await mkdir(join(bundleDir, 'app'), { recursive: true });
    await writeFile(join(bundleDir, 'app', BUNDLE_MARKER), '{}');
    await cp(join(FIXTURES, 'base/content'), join(bundleDir, '示例内容'), { recursive: true });
    const content = join(await tempDir('jianbao-bundle-home-'), '张三', '简报 内容');
    await cp(join(FIXTURES, 'base/content'), content, { recursive: true });
    const home = bundleHome(join(bundleDir, 'app'))!;
    const elsewhere = await tempDir('jianbao-bundle-cwd-');
    const run = async (argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await main(argv, {
        stdout: (text) => void (stdout += text),
        stderr: (text) => void (stderr += text),
        env: {},
        cwd: elsewhere,
        isTTY: false,
        bundle: home,
      });
      return { code, stdout, stderr };
    };

    const first = await run(['check', '--content', content, '--format', 'json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(await readFile(home.settingsFile, 'utf8'))).toEqual({ 内容目录: content });
    expect(rememberedContent(home)).toBe(content);

    const again = await run(['check', '--format', 'json']);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(first.stdout);

    await rm(content, { recursive: true });
    const fallback = await run(['check', '--format', 'json']);
    expect(fallback.code).toBe(0);
    expect(fallback.stderr).toContain(`上次使用的内容目录不存在（是否是移动了文件夹，或网络盘未连接？）：${content}`);
    expect(fallback.stderr).toContain(home.sampleContent);
  });

  it('keeps other settings when remembering, and writes atomically', async () => {
    const dir = await tempDir('jianbao-bundle-settings-');
    await mkdir(join(dir, 'app'));
    await writeFile(join(dir, 'app', BUNDLE_MARKER), '{}');
    const home = bundleHome(join(dir, 'app'))!;
    await writeFile(home.settingsFile, JSON.stringify({ 端口: 4322 }));
    rememberContent(home, 'D:\\简报 内容');
    expect(JSON.parse(await readFile(home.settingsFile, 'utf8'))).toEqual({ 端口: 4322, 内容目录: 'D:\\简报 内容' });
    await writeFile(home.settingsFile, '{ broken');
    expect(rememberedContent(home)).toBeUndefined();
    rememberContent(home, '/home/张三/简报');
    expect(rememberedContent(home)).toBe('/home/张三/简报');
  });
});
