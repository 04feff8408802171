/** `jianbao dev [--port N] [--host H]`: live preview; check problems in the terminal and on the page. */
import type { DevCheck } from '../../build/dev.ts';
import { defineCommand, requireContentDir, UsageError } from '../command.ts';
import { paint, printDiagnostics } from '../report.ts';
import { untilStopped } from '../stop.ts';

export default defineCommand({
  meta: { name: 'dev', description: '实时预览：修改内容后自动检查并刷新页面' },
  args: {
    port: { type: 'string', description: '端口（默认 4321）', valueHint: '端口' },
    host: { type: 'string', description: '监听地址（默认 localhost；0.0.0.0 供局域网访问）', valueHint: '地址' },
  },
  async run({ values, io, contentDir }) {
    await requireContentDir(contentDir);
    const portText = values.port as string | undefined;
    const port = portText === undefined ? undefined : Number(portText);
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536))
      throw new UsageError(`端口应为 0–65535 的整数：${portText}`);
    const colors = paint(io);
    const report = (result: DevCheck) => {
      const shown = result.diagnostics.filter((d) => d.severity === 'error');
      io.stdout(`\n${colors.dim(new Date().toLocaleTimeString('zh-CN', { hour12: false }))} 内容已检查\n`);
      printDiagnostics(
        shown,
        io,
        contentDir,
        result.warnings ? `（另有 ${result.warnings} 个警告，运行 jianbao check 查看）` : '',
      );
      if (result.errors) io.stdout(colors.red('预览页面改为显示上述错误，修改保存后自动刷新。\n'));
    };
    const { startDev } = await import('../../build/dev.ts');
    const server = await startDev({ contentDir, port, host: values.host as string | undefined, onCheck: report });
    io.stdout(`\n${colors.green('预览已启动')}：${server.url}\n按 Ctrl+C 停止。\n`);
    await untilStopped();
    await server.stop();
    io.stdout('预览已停止。\n');
    return 0;
  },
});
