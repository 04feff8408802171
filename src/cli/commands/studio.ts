/** `jianbao studio [--port 4322] [--host 127.0.0.1] [--open]`: the weekly workflow in a local web page (编辑台). */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { defineCommand, requireContentDir, UsageError } from '../command.ts';
import { paint } from '../report.ts';
import { untilStopped } from '../stop.ts';
import { localToday } from './_workflow.ts';

/** Open `url` in the system browser (best effort: the address is printed anyway). */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    spawn(command, args, { stdio: 'ignore', detached: true })
      .on('error', () => undefined)
      .unref();
  } catch {
    // No opener on this machine: the printed address is enough.
  }
}

export default defineCommand({
  meta: { name: 'studio', description: '编辑台：在浏览器里写稿、编一期、发布（本机网页）' },
  args: {
    port: { type: 'string', description: '端口（默认 4322；0 表示任选一个空闲端口）', valueHint: '端口' },
    host: { type: 'string', description: '监听地址（默认 127.0.0.1，只有本机能打开）', valueHint: '地址' },
    open: { type: 'boolean', description: '启动后用默认浏览器打开' },
    out: { type: 'string', description: '“生成”写入的站点目录（默认 ./dist）', valueHint: '目录' },
  },
  async run({ values, io, contentDir }) {
    await requireContentDir(contentDir);
    const portText = values.port as string | undefined;
    const port = portText === undefined ? 4322 : Number(portText);
    if (!(Number.isInteger(port) && port >= 0 && port < 65536))
      throw new UsageError(`端口应为 0–65535 的整数：${portText}`);
    const { startStudio } = await import('../../studio/server.ts');
    let studio;
    try {
      studio = await startStudio({
        contentDir,
        port,
        host: (values.host as string | undefined) ?? '127.0.0.1',
        today: localToday,
        outDir: resolve(io.cwd, (values.out as string | undefined) ?? 'dist'),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new UsageError(`端口 ${port} 已被占用（可能编辑台已经在运行）：用 --port 换一个端口`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
        throw new UsageError(`不能监听地址 ${String(values.host)}：本机没有这个地址`);
      throw error;
    }
    const colors = paint(io);
    io.stdout(
      `\n${colors.green('编辑台已启动')}，请用浏览器打开：\n  ${studio.url}\n（地址中带有口令，只给自己用；按 Ctrl+C 停止，已保存的内容不会丢失）\n`,
    );
    if (values.host && values.host !== '127.0.0.1' && values.host !== 'localhost')
      io.stdout(colors.yellow(`注意：监听 ${String(values.host)}，同一网络中知道地址和口令的人都能打开编辑台。\n`));
    if (values.open) openBrowser(studio.url);
    await untilStopped();
    await studio.close();
    io.stdout('编辑台已停止。\n');
    return 0;
  },
});
