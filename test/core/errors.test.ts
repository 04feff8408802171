/**
 * UserError: a problem the user can fix. It carries a Chinese message, a hint,
 * the diagnostics behind it and the exit code main() returns for it.
 */
import { describe, expect, it } from 'vitest';
import { BuildError } from '../../src/build/index.ts';
import { OutputDirError } from '../../src/build/output-dir.ts';
import { MediaError } from '../../src/build/media.ts';
import { diagnostic } from '../../src/core/diagnostics.ts';
import { EXIT, UsageError, UserError } from '../../src/core/errors.ts';
import { ImportError } from '../../src/core/text/import/source.ts';
import { ContentErrors } from '../../src/core/project.ts';
import { WorkflowError } from '../../src/core/workflow/errors.ts';
import { BrowserNotFoundError, PdfError } from '../../src/pdf/index.ts';

describe('UserError', () => {
  it('exits 1 by default: the content or the machine has a problem', () => {
    const error = new UserError('内容有错误，不能编新一期', { hint: '先改正上面的错误' });
    expect(error.exitCode).toBe(EXIT.problem);
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe('内容有错误，不能编新一期');
    expect(error.hint).toBe('先改正上面的错误');
    expect(error.diagnostics).toEqual([]);
  });

  it('exits 2 when the command line was wrong', () => {
    expect(new UserError('「2024年6期」不是期刊的写法', { usage: true }).exitCode).toBe(2);
    expect(new UsageError('--year 应为四位年份，如 2024').exitCode).toBe(2);
  });

  it('keeps the diagnostics behind it and the error that caused it', () => {
    const problem = diagnostic(
      'entry/unknown-unit',
      'entries/2024/a.md',
      { line: 4, column: 7 },
      '报送单位「应急管理」不在 units.yaml 中',
    );
    const cause = new Error('ENOENT');
    const error = new UserError('有错误，不能发布', { diagnostics: [problem], cause });
    expect(error.diagnostics).toEqual([problem]);
    expect(error.cause).toBe(cause);
  });

  it('is the base of every error a module throws for the user, each named for where it came from', () => {
    const errors = [
      new UsageError('u'),
      new WorkflowError('w'),
      new BuildError('b'),
      new MediaError('m'),
      new ImportError('i'),
      new PdfError('p'),
      new BrowserNotFoundError('n'),
      new OutputDirError('o'),
      new ContentErrors([]),
    ];
    for (const error of errors) expect(error).toBeInstanceOf(UserError);
    expect(errors.map((error) => error.name)).toEqual([
      'UsageError',
      'WorkflowError',
      'BuildError',
      'MediaError',
      'ImportError',
      'PdfError',
      'BrowserNotFoundError',
      'OutputDirError',
      'ContentErrors',
    ]);
  });
});
