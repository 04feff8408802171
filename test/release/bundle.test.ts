/**
 * The offline bundles, for real: `npm run bundle` builds the zip from the
 * registry's packages; the Linux one is unzipped into a fresh folder (spaces,
 * Chinese, brackets) and run inside a network namespace with no interface but
 * loopback (`unshare -n`): check, build, pdf (the system Chromium), docx,
 * import (.docx, .doc), publish into the archive and, when that command
 * exists, a studio start and stop, on the sample content copied outside the
 * bundle. Nothing may be written outside the
 * bundle folder and the content folder. The Windows one is unzipped and its
 * contents checked: node.exe, a Windows binary for every native dependency
 * (from the lock file, not from the bundler's own walk), nothing missing when
 * the tree is resolved for win32, the prebuilt CLI found under its digest,
 * launchers that quote folders with spaces and Chinese.
 *
 * Builds are kept in .jianbao/bundle/ and the zips in .jianbao/bundle-test/,
 * so a second run reuses both while nothing changed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundlesDir, sourcesDigest } from '../../bin/launch.js';
import { checkTree } from '../../release/dependency-check.ts';
import { COMMANDS } from '../../src/cli/commands/index.ts';
import { ROOT, tempDir } from '../helpers/index.ts';
import { expandCmdLine, unquotedOperators, windowsArgv } from '../helpers/windows-paths.ts';

const OUT = join(ROOT, '.jianbao', 'bundle-test');
const VERSION = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const MAX_ZIP_MB = 150;

/** `npm run bundle -- --platform P`; the zip's path and size in MB as printed. */
function buildBundle(platform: string): { zip: string; megabytes: number } {
  const result = spawnSync('npm', ['run', 'bundle', '--', '--platform', platform, '--out', OUT], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(result.stderr).not.toContain('生成离线包失败');
  expect(result.status).toBe(0);
  const size = /压缩包 ([\d.]+) MB/.exec(result.stdout);
  expect(size).not.toBeNull();
  // The sizes belong in the test log (the README quotes them).
  console.log(
    result.stdout
      .split('\n')
      .filter((line) => line.includes('✓') || line.includes('压缩包'))
      .join('\n'),
  );
  return { zip: join(OUT, `jianbao-${VERSION}-${platform}.zip`), megabytes: Number(size![1]) };
}

/** Unzip with Info-ZIP's unzip, as a clerk's archiver would; returns the bundle folder. */
async function unzipInto(zip: string, parent: string, folder: string): Promise<string> {
  await mkdir(parent, { recursive: true });
  const result = spawnSync('unzip', ['-q', zip, '-d', parent], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return join(parent, folder);
}

/** Every file under `dir`, relative. */
async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

/** The executable format of a file by its first bytes. */
async function binaryFormat(file: string): Promise<'pe' | 'elf' | undefined> {
  const handle = await readFile(file).catch(() => undefined);
  if (!handle || handle.length < 4) return undefined;
  if (handle[0] === 0x4d && handle[1] === 0x5a) return 'pe';
  if (handle[0] === 0x7f && handle.toString('latin1', 1, 4) === 'ELF') return 'elf';
  return undefined;
}

/** x64 PE: "PE\0\0" at the offset in the DOS header, machine 0x8664. */
async function isPeX64(file: string): Promise<boolean> {
  const bytes = await readFile(file);
  const offset = bytes.readUInt32LE(0x3c);
  return bytes.toString('latin1', offset, offset + 4) === 'PE\0\0' && bytes.readUInt16LE(offset + 4) === 0x8664;
}

describe('the Linux bundle, unzipped and run offline', () => {
  let bundle: string;
  let content: string;
  let home: string;
  let systemTemp: string;
  let parent: string;
  /** Files the clerk received, outside the bundle and the content folder (read only). */
  let inbox: string;
  const env = () => ({
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    TMPDIR: systemTemp,
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
  });

  /** A launcher of the bundle, inside a new network namespace with only loopback up. */
  function offline(launcher: string, args: string[], cwd: string) {
    const result = spawnSync(
      'unshare',
      ['-n', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', join(bundle, launcher), ...args],
      { cwd, env: env(), encoding: 'utf8' },
    );
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  beforeAll(async () => {
    const { zip, megabytes } = buildBundle('linux-x64');
    expect(megabytes).toBeLessThanOrEqual(MAX_ZIP_MB);
    const base = await tempDir('jianbao-offline-');
    parent = join(base, '办公电脑 (张三)');
    bundle = await unzipInto(zip, parent, `jianbao-${VERSION}-linux-x64`);
    content = join(parent, '简报 内容');
    await cp(join(bundle, '示例内容'), content, { recursive: true });
    home = join(base, 'home');
    systemTemp = join(base, 'tmp');
    await mkdir(home);
    await mkdir(systemTemp);
    inbox = join(base, '收到的稿件');
    await mkdir(inbox);
  });

  it('has no network inside the namespace but loopback', () => {
    const links = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up && ip -o link'], { encoding: 'utf8' });
    expect(links.status).toBe(0);
    expect(
      links.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(':')[1]!.trim()),
    ).toEqual(['lo']);
  });

  it('checks the content folder given once, then remembers it', async () => {
    const check = offline('jianbao', ['check', '--content', content], parent);
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('共 0 个错误');
    expect(check.code).toBe(0);
    expect(JSON.parse(await readFile(join(bundle, '设置.json'), 'utf8'))).toEqual({ 内容目录: content });
  });

  it('builds the site and prints PDFs with the system Chromium, into ./dist of the folder it runs in', async () => {
    const build = offline('jianbao', ['build'], parent);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toContain('站点已生成');
    expect(await readFile(join(parent, 'dist/index.html'), 'utf8')).toContain('示例区');

    const pdf = offline('jianbao', ['pdf'], parent);
    expect(pdf.stderr).toBe('');
    expect(pdf.code).toBe(0);
    const pdfs = (await filesUnder(join(parent, 'dist'))).filter((file) => file.endsWith('.pdf'));
    // The sample's 9 published issues (its draft is not on the site without --drafts).
    expect(pdfs.length).toBeGreaterThanOrEqual(9);
    for (const file of pdfs.slice(0, 3)) {
      const info = spawnSync('pdfinfo', [join(parent, 'dist', file)], { encoding: 'utf8' });
      expect(Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1])).toBeGreaterThan(0);
    }
  });

  it('writes Word files', async () => {
    const docx = offline('jianbao', ['docx'], parent);
    expect(docx.stderr).toBe('');
    expect(docx.code).toBe(0);
    const files = (await filesUnder(parent)).filter(
      (file) => file.endsWith('.docx') && !file.startsWith(`jianbao-${VERSION}`),
    );
    expect(files.length).toBeGreaterThanOrEqual(9);
    expect((await readFile(join(parent, files[0]!))).toString('latin1', 0, 2)).toBe('PK');
    await cp(join(parent, files[0]!), join(inbox, '来稿.docx'));
  });

  it('imports Word files (.docx and the old .doc) into the remembered content folder', async () => {
    await cp(join(ROOT, 'test/fixtures/import/doc/青石镇燃气检查.doc'), join(inbox, '青石镇燃气检查.doc'));
    const before = await filesUnder(join(content, 'entries'));
    const imported = offline(
      'jianbao',
      [
        'import',
        join(inbox, '来稿.docx'),
        join(inbox, '青石镇燃气检查.doc'),
        '--date',
        '2025-12-03',
        '--unit',
        'yjj',
        '--series',
        'jianbao',
      ],
      parent,
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('共写入 2 篇草稿');
    const after = await filesUnder(join(content, 'entries'));
    const written = after.filter((file) => !before.includes(file));
    expect(written).toHaveLength(2);
    const texts = await Promise.all(written.map((file) => readFile(join(content, 'entries', file), 'utf8')));
    expect(texts.every((text) => text.startsWith('---\n'))).toBe(true);
    expect(texts.some((text) => text.includes('燃气'))).toBe(true);
  });

  it('publishes an issue into the archive, which check then reads', async () => {
    const published = offline('jianbao', ['publish', 'jianbao/2025-3'], parent);
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    expect(published.stdout).toContain('已发布');
    const ledger = JSON.parse(await readFile(join(content, 'published/ledger.json'), 'utf8')) as {
      issues: { ref: string; versions: { file: string }[] }[];
    };
    const issue = ledger.issues.find(({ ref }) => ref === 'jianbao/2025-3');
    expect(issue?.versions.map(({ file }) => file)).toEqual(['published/jianbao/2025-03/1.json']);
    expect(JSON.parse(await readFile(join(content, 'published/jianbao/2025-03/1.json'), 'utf8'))).toBeTypeOf('object');
    const check = offline('jianbao', ['check'], parent);
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('共 0 个错误');
    expect(check.code).toBe(0);
  });

  it('starts the studio and stops it on Ctrl+C when the studio command exists', async (context) => {
    if (!('studio' in COMMANDS)) {
      console.warn('跳过：jianbao 还没有 studio 命令（编辑台，issue 17），离线包中无从测试。');
      context.skip();
    }
    const child = spawn(
      'unshare',
      ['-n', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', join(bundle, 'jianbao'), 'studio'],
      { cwd: parent, env: env() },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(output);
        if (match) {
          clearInterval(timer);
          resolve(match[0]);
        }
      }, 100);
      void exited.then(() => {
        clearInterval(timer);
        reject(new Error(`编辑台未启动：\n${output}`));
      });
    });
    // Asked from inside the studio's own namespace, with the bundle's node.
    const page = spawnSync(
      'nsenter',
      [
        `--net=/proc/${child.pid}/ns/net`,
        join(bundle, 'node/node'),
        '-e',
        // The address's token is swapped for a cookie (303 to the same page without it), as a browser would follow.
        `fetch(${JSON.stringify(address)}, { redirect: 'manual' }).then((r) => fetch(new URL(r.headers.get('location'), ${JSON.stringify(address)}), { headers: { cookie: r.headers.get('set-cookie').split(';')[0] } })).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(2))`,
      ],
      { encoding: 'utf8' },
    );
    expect(page.status).toBe(0);
    child.kill('SIGINT');
    const { code, signal } = await exited;
    expect(code === 0 || signal === 'SIGINT').toBe(true);
  });

  it('started from the prebuilt CLI and wrote nothing outside the bundle folder and the content folder', async () => {
    const digest = sourcesDigest(join(bundle, 'app'));
    expect(await readdir(bundlesDir(join(bundle, 'app')))).toEqual([digest]);
    expect(await filesUnder(home)).toEqual([]);
    expect(await filesUnder(systemTemp)).toEqual([]);
    // Besides the two folders, only the output the commands were asked for: ./dist of the folder they ran in.
    expect((await readdir(parent)).sort()).toEqual([`jianbao-${VERSION}-linux-x64`, 'dist', '简报 内容'].sort());
  });
});

/** The names in a zip's central directory and whether each is flagged UTF-8 (general purpose bit 11). */
async function zipNames(zip: string): Promise<{ name: string; utf8: boolean }[]> {
  const handle = await open(zip);
  try {
    const { size } = await handle.stat();
    const end = Buffer.alloc(22);
    await handle.read(end, 0, 22, size - 22);
    expect(end.readUInt32LE(0)).toBe(0x06054b50); // no zip comment: the end record is the last 22 bytes
    const directory = Buffer.alloc(end.readUInt32LE(12));
    await handle.read(directory, 0, directory.length, end.readUInt32LE(16));
    const names: { name: string; utf8: boolean }[] = [];
    for (let at = 0; at < directory.length;) {
      expect(directory.readUInt32LE(at)).toBe(0x02014b50);
      const nameLength = directory.readUInt16LE(at + 28);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      names.push({ name, utf8: (directory.readUInt16LE(at + 8) & 0x800) !== 0 });
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    return names;
  } finally {
    await handle.close();
  }
}

describe('the Windows bundle', () => {
  let bundle: string;
  let app: string;
  let zipFile: string;

  beforeAll(async () => {
    const { zip, megabytes } = buildBundle('win32-x64');
    expect(megabytes).toBeLessThanOrEqual(MAX_ZIP_MB);
    zipFile = zip;
    bundle = await unzipInto(zip, join(await tempDir('jianbao-win-'), '桌面'), `jianbao-${VERSION}-win32-x64`);
    app = join(bundle, 'app');
  });

  it('flags every Chinese name in the zip as UTF-8, so Windows shows 编辑台.cmd, not mojibake', async () => {
    const names = await zipNames(zipFile);
    const chinese = names.filter(({ name }) => /[^ -~]/.test(name));
    expect(chinese.map(({ name }) => name)).toContain(`jianbao-${VERSION}-win32-x64/编辑台.cmd`);
    expect(chinese.filter(({ utf8 }) => !utf8)).toEqual([]);
    expect(names.every(({ name }) => name.startsWith(`jianbao-${VERSION}-win32-x64/`) && !name.includes('\\'))).toBe(
      true,
    );
  });

  it('carries node.exe for x64, the launchers, 使用说明.txt and the sample content', async () => {
    expect(await isPeX64(join(bundle, 'node/node.exe'))).toBe(true);
    expect((await readFile(join(bundle, 'node/LICENSE'), 'utf8')).length).toBeGreaterThan(1000);
    const top = (await readdir(bundle)).sort();
    expect(top).toEqual(['app', 'jianbao.cmd', 'node', '使用说明.txt', '示例内容', '编辑台.cmd'].sort());
    expect((await readdir(join(bundle, '示例内容'))).sort()).toEqual((await readdir(join(ROOT, 'content'))).sort());
    expect(JSON.parse(await readFile(join(app, 'bundle.json'), 'utf8'))).toMatchObject({
      version: VERSION,
      platform: 'win32-x64',
    });
  });

  it('has a Windows x64 binary package for every native dependency in the lock file, and no Linux binary', async () => {
    const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { os?: string[]; cpu?: string[]; dev?: boolean }>;
    };
    const wanted = Object.entries(lock.packages)
      .filter(([, entry]) => !entry.dev && entry.os?.includes('win32') && entry.cpu?.includes('x64'))
      .map(([path]) => path);
    expect(wanted).toEqual(
      expect.arrayContaining([
        'node_modules/@esbuild/win32-x64',
        'node_modules/@pagefind/windows-x64',
        'node_modules/@img/sharp-win32-x64',
        'node_modules/@rollup/rollup-win32-x64-msvc',
      ]),
    );
    for (const path of wanted) {
      const files = await filesUnder(join(app, path));
      const formats = await Promise.all(files.map((file) => binaryFormat(join(app, path, file))));
      expect({ path, pe: formats.includes('pe') }).toEqual({ path, pe: true });
    }
    const elf: string[] = [];
    for (const file of await filesUnder(join(app, 'node_modules'))) {
      if ((await binaryFormat(join(app, 'node_modules', file))) === 'elf') elf.push(file);
    }
    expect(elf).toEqual([]);
  });

  it('misses no module when the tree is resolved for win32', () => {
    const report = checkTree(app, { os: 'win32', cpu: 'x64' });
    expect(report.missing).toEqual([]);
    expect(report.foreign).toEqual([]);
    expect(report.packages).toBeGreaterThan(300);
  });

  it('ships the CLI prebuilt under the digest Windows will compute', async () => {
    const digest = sourcesDigest(app);
    expect(await readdir(bundlesDir(app))).toEqual([digest]);
    expect((await stat(join(bundlesDir(app), digest, 'run.js'))).size).toBeGreaterThan(0);
  });

  it('has launchers that quote folders with spaces and Chinese, and paths Explorer can unzip', async () => {
    const dir = `C:\\Users\\张三\\Desktop\\简报 内容 (新)\\jianbao-${VERSION}-win32-x64\\`;
    const cli = await readFile(join(bundle, 'jianbao.cmd'), 'utf8');
    const line = cli.split('\r\n').find((text) => text.includes('node.exe'))!;
    const expanded = expandCmdLine(line, dir, ['build', '--content', '"D:\\安委办\\简报 内容"']);
    expect(unquotedOperators(expanded)).toEqual([]);
    expect(windowsArgv(expanded)).toEqual([
      `${dir}node\\node.exe`,
      `${dir}app\\bin\\jianbao.js`,
      'build',
      '--content',
      'D:\\安委办\\简报 内容',
    ]);
    for (const [launcher, file] of [
      ['node.exe', 'node/node.exe'],
      ['jianbao.js', 'app/bin/jianbao.js'],
    ] as const) {
      expect(line).toContain(launcher);
      expect((await stat(join(bundle, file))).isFile()).toBe(true);
    }
    const studio = await readFile(join(bundle, '编辑台.cmd'), 'utf8');
    expect(studio).toMatch(/studio --open --content "%~1"\r\n/);
    const longest = (await filesUnder(bundle)).reduce((a, b) => (b.length > a.length ? b : a), '');
    // Explorer's limit is 260 characters with the folder it unzips into.
    expect((dir + longest).length).toBeLessThan(260);
  });
});
