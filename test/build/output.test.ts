/**
 * Moving the finished site into place: a rename on the same disk, and on
 * another disk (EXDEV) a copy of everything it holds, marked partial until
 * it is whole.
 */
import { statSync } from 'node:fs';
import { mkdir, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { moveAcross } from '../../src/build/output.ts';
import { tempDir } from '../helpers/index.ts';

/** A RAM disk when it is another file system than the temp folder, for a move that cannot rename. */
const OTHER_DISK = '/dev/shm';
const otherDisk = (() => {
  try {
    return statSync(OTHER_DISK).dev !== statSync(process.env.TMPDIR ?? '/tmp').dev;
  } catch {
    return false;
  }
})();
if (!otherDisk) console.warn(`跳过跨磁盘移动的测试：${OTHER_DISK} 不存在或与临时目录在同一个文件系统上`);

async function site(dir: string): Promise<void> {
  await mkdir(join(dir, 'zhuanbao/2025/1'), { recursive: true });
  await writeFile(join(dir, 'index.html'), '<h1>首页</h1>');
  await writeFile(join(dir, 'zhuanbao/2025/1/index.html'), '<h1>第1期</h1>');
  await mkdir(join(dir, 'empty'));
  await symlink('zhuanbao/2025/1/index.html', join(dir, 'latest.html'));
}

const cleanup: string[] = [];
afterEach(async () => {
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('moveAcross', () => {
  it('renames on the same disk', async () => {
    const root = await tempDir('jianbao-move-');
    await site(join(root, 'from'));
    await moveAcross(join(root, 'from'), join(root, 'to'));
    expect(await readdir(root)).toEqual(['to']);
    expect(await readFile(join(root, 'to/zhuanbao/2025/1/index.html'), 'utf8')).toBe('<h1>第1期</h1>');
  });

  it.skipIf(!otherDisk)(
    'copies everything to another disk, links with their own target, no partial mark left',
    async () => {
      const root = await tempDir('jianbao-move-');
      await site(join(root, 'from'));
      const disk = join(OTHER_DISK, `jianbao-move-${process.pid}-${Date.now()}`);
      cleanup.push(disk);
      await mkdir(disk);
      await moveAcross(join(root, 'from'), join(disk, 'dist'));
      expect((await readdir(disk)).sort()).toEqual(['dist']);
      expect((await readdir(join(disk, 'dist'))).sort()).toEqual(['empty', 'index.html', 'latest.html', 'zhuanbao']);
      expect(await readFile(join(disk, 'dist/zhuanbao/2025/1/index.html'), 'utf8')).toBe('<h1>第1期</h1>');
      expect(await readlink(join(disk, 'dist/latest.html'))).toBe('zhuanbao/2025/1/index.html');
    },
  );
});
