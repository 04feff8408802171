/**
 * The parts of `jianbao pdf` that need no browser: finding one on each
 * platform, the Chinese messages when there is none, choosing issues,
 * serving the site, and the series print settings.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectIssues } from '../../src/cli/commands/pdf.ts';
import { checkContent, compileSite } from '../../src/core/index.ts';
import { browserCandidates, findBrowser } from '../../src/pdf/index.ts';
import { fileFor } from '../../src/pdf/serve.ts';
import { FIXTURES, copyContent, runCli, tempDir } from '../helpers/index.ts';

const CONTENT = join(FIXTURES, 'print/content');

describe('finding the browser', () => {
  it('prefers --browser, then JIANBAO_BROWSER, then the usual places', () => {
    const exists = (path: string) => ['/opt/a/chrome', '/opt/b/edge', '/usr/bin/google-chrome'].includes(path);
    expect(
      findBrowser({ flag: '/opt/a/chrome', env: { JIANBAO_BROWSER: '/opt/b/edge' }, platform: 'linux', exists }),
    ).toEqual({ path: '/opt/a/chrome', source: '--browser' });
    expect(findBrowser({ env: { JIANBAO_BROWSER: '/opt/b/edge' }, platform: 'linux', exists })).toEqual({
      path: '/opt/b/edge',
      source: 'JIANBAO_BROWSER',
    });
    expect(findBrowser({ env: {}, platform: 'linux', exists })).toEqual({
      path: '/usr/bin/google-chrome',
      source: '自动查找',
    });
  });

  it('looks where Windows, macOS and Linux install Chromium, Chrome and Edge', () => {
    const windows = browserCandidates('win32', {
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local',
    });
    expect(windows).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(windows).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(windows).toContain('C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    // As Windows spells them, in a plain copy of the environment (no case-insensitive lookup).
    const copied = browserCandidates('win32', {
      ...{
        ProgramFiles: 'C:\\Program Files',
        'ProgramFiles(x86)': 'C:\\Program Files (x86)',
        LOCALAPPDATA: 'C:\\Users\\张三\\AppData\\Local',
      },
    });
    expect(copied).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(copied).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(copied).toContain('C:\\Users\\张三\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe');
    const mac = browserCandidates('darwin', { HOME: '/Users/u' });
    expect(mac[0]).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(mac).toContain('/Users/u/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    const linux = browserCandidates('linux', { PATH: '/usr/local/bin:/usr/bin' });
    expect(linux[0]).toBe('/usr/bin/chromium');
    expect(linux).toContain('/usr/local/bin/chromium');
    expect(linux).toContain('/opt/microsoft/msedge/msedge');
  });

  it('says in Chinese how to install one when none is found', () => {
    const none = () => false;
    expect(() => findBrowser({ env: {}, platform: 'linux', exists: none })).toThrow(
      /找不到可用的浏览器[\s\S]*sudo apt install chromium[\s\S]*JIANBAO_BROWSER/,
    );
    expect(() => findBrowser({ env: {}, platform: 'win32', exists: none })).toThrow(/Microsoft Edge/);
    expect(() => findBrowser({ env: { JIANBAO_BROWSER: 'D:\\chrome.exe' }, platform: 'win32', exists: none })).toThrow(
      'JIANBAO_BROWSER 指定的浏览器不存在：D:\\chrome.exe',
    );
  });
});

describe('jianbao pdf on the command line', () => {
  it('stops with exit 1 and install help when the browser given does not exist', async () => {
    const out = join(await tempDir(), 'dist');
    const result = await runCli(['pdf', '--content', CONTENT, '--out', out, '--browser', '/nonexistent/chrome']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('无法生成 PDF：--browser 指定的浏览器不存在：/nonexistent/chrome');
    expect(result.stderr).toContain('--browser <路径> 或环境变量 JIANBAO_BROWSER');
    expect(result.stdout).toBe(''); // nothing was built
  });

  it('refuses an unknown or ambiguous issue with exit 2', async () => {
    const unknown = await runCli(['pdf', '2030-1', '--content', CONTENT]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('找不到期刊「2030-1」。现有：');
    const ambiguous = await runCli(['pdf', '2024-1', '--content', CONTENT]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('「2024-1」在多个刊物中都有，请写明刊物：');
    const malformed = await runCli(['pdf', '第1期', '--content', CONTENT]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('期号「第1期」写法不对');
  });

  it('selects issues by year-number, with the series when there are several', async () => {
    const checked = await checkContent(CONTENT);
    const site = compileSite(checked.content, checked.registry);
    expect(selectIssues(site, []).length).toBe(5);
    expect(selectIssues(site, ['zhuanbao/2024-2', 'jianbao/2024-1']).map((issue) => issue.key)).toEqual([
      'zhuanbao/2024/2',
      'jianbao/2024/1',
    ]);
    // A supplement: as the CLI names it (增刊1) or as its path does (zk1).
    expect(selectIssues(site, ['zhuanbao/2024-增刊1', 'zhuanbao/2024-zk1']).map((issue) => issue.key)).toEqual([
      'zhuanbao/2024/zk1',
      'zhuanbao/2024/zk1',
    ]);
  });
});

describe('serving the built site to the browser', () => {
  it('maps paths under the base into the site and nothing outside it', () => {
    expect(fileFor('/srv/dist', '/bulletin/', '/bulletin/zhuanbao/2024/2/print/')).toBe(
      '/srv/dist/zhuanbao/2024/2/print/index.html',
    );
    expect(fileFor('/srv/dist', '/bulletin/', '/bulletin/_astro/a.woff2')).toBe('/srv/dist/_astro/a.woff2');
    expect(fileFor('/srv/dist', '/bulletin/', '/other/index.html')).toBeUndefined();
    expect(fileFor('/srv/dist', '/', '/../etc/passwd')).toBeUndefined();
    expect(fileFor('/srv/dist', '/', '/%2e%2e/etc/passwd')).toBeUndefined();
  });
});

describe('series print settings (打印)', () => {
  it('default to the GB/T 9704 values and accept Chinese keys and values', async () => {
    const checked = await checkContent(CONTENT);
    const [zhuanbao, jianbao] = checked.registry.series;
    const defaults = { duplex: true, blankPageNumber: true, draftMark: '草稿' };
    expect(zhuanbao!.print).toEqual({
      ...defaults,
      red: '#E8380D',
      mastheadSize: 42,
      rule: 'single',
      firstPageNumber: true,
      blankPageNumber: false,
    });
    expect(jianbao!.print).toEqual({
      ...defaults,
      red: '#FF0000',
      mastheadSize: 36,
      masthead: ['样例区', '应急管理简报'],
      rule: 'double',
      firstPageNumber: false,
      duplex: false,
    });
    expect(checked.registry.series[2]!.print).toEqual({
      ...defaults,
      red: '#E8380D',
      mastheadSize: 42,
      rule: 'single',
      firstPageNumber: true,
      draftMark: '征求意见稿',
    });
  });

  it('reject wrong values with a Chinese message at the right place', async () => {
    const dir = await copyContent(CONTENT);
    const { readFile, writeFile } = await import('node:fs/promises');
    const file = join(dir, 'jianbao.yaml');
    const text = (await readFile(file, 'utf8'))
      .replace('红色: "#FF0000"', '红色: 大红')
      .replace('报头字号: 小初', '报头字号: 特大')
      .replace('首页页码: 否', '首页页码: 也许')
      .replace('双面: 否', '双面: 单面')
      .replace('草稿标记: 征求意见稿', '草稿标记: 这是一份还没有定稿的征求意见稿');
    await writeFile(file, text);
    const result = await runCli(['check', '--content', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/jianbao\.yaml:\d+:\d+ 错误 红色应写作 #RRGGBB，如 #E8380D 或 #FF0000（加引号）/);
    expect(result.stdout).toMatch(/jianbao\.yaml:\d+:\d+ 错误 报头字号应为 16–72 的磅数（如 42）或字号名（初号、小初/);
    expect(result.stdout).toMatch(/jianbao\.yaml:\d+:\d+ 错误 首页页码应为 true 或 false（也可写 是 \/ 否）/);
    expect(result.stdout).toMatch(/jianbao\.yaml:\d+:\d+ 错误 双面应为 true 或 false（也可写 是 \/ 否）/);
    expect(result.stdout).toMatch(/jianbao\.yaml:\d+:\d+ 错误 「草稿标记」最多 8 个字，如 草稿 或 征求意见稿/);
  });
});
