/** When the browser dies while printing, `jianbao pdf` says so in Chinese: no Playwright English, no stack. */
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyContent, runCli, tempDir, testBrowser } from '../helpers/index.ts';

const browser = await testBrowser('浏览器中途退出');

describe.skipIf(!browser)('a browser that dies while printing', { timeout: 300_000 }, () => {
  it('is reported in Chinese, exit 1', async () => {
    const content = await copyContent();
    const dir = await tempDir('jianbao-dying-browser-');
    // Starts the real browser, then kills it a moment later (as the OOM killer or a clerk closing it would).
    const wrapper = join(dir, 'chromium');
    await writeFile(
      wrapper,
      `#!/bin/sh\nif [ "$1" = "--version" ]; then exec "${browser}" --version; fi\n( sleep 2; kill -9 $$ ) &\nexec "${browser}" "$@"\n`,
    );
    await chmod(wrapper, 0o755);
    const out = join(dir, 'dist');
    expect((await runCli(['build', '--drafts', '--content', content, '--out', out])).code).toBe(0);
    const result = await runCli(['pdf', '--drafts', '--browser', wrapper, '--content', content, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/无法(启动浏览器|生成 PDF)/);
    expect(result.stderr).not.toMatch(/Target|closed|Error|browserType|playwright|at \S+:\d+/);
  });
});
