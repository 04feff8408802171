/**
 * 生成: the site, the PDF or the Word file of one issue, made by the same
 * commands a terminal would run (`jianbao build`, `jianbao pdf REF`,
 * `jianbao docx REF`) in a child process, so a long build never blocks the
 * editor and its output is the progress the page shows. One job at a time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/index.ts';

export type JobKind = 'site' | 'pdf' | 'docx';

export interface Job {
  id: number;
  kind: JobKind;
  ref: string | undefined;
  state: 'running' | 'done' | 'failed';
  /** Output lines so far (the command's own Chinese messages). */
  lines: string[];
  exitCode?: number;
}

export interface Jobs {
  readonly outDir: string;
  start(kind: JobKind, ref: string | undefined): Job;
  get(id: number): Job | undefined;
  stop(): Promise<void>;
}

const COMMAND: Record<JobKind, string> = { site: 'build', pdf: 'pdf', docx: 'docx' };

// eslint-disable-next-line no-control-regex -- terminal colour codes
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export function createJobs(contentDir: string, outDir: string): Jobs {
  const jobs = new Map<number, Job>();
  const children = new Set<ChildProcess>();
  let next = 1;
  return {
    outDir,
    start(kind, ref) {
      const running = [...jobs.values()].find((job) => job.state === 'running');
      if (running) return running;
      const job: Job = { id: next++, kind, ref, state: 'running', lines: [] };
      jobs.set(job.id, job);
      const args = [
        join(PACKAGE_ROOT, 'bin/jianbao.js'),
        COMMAND[kind],
        ...(ref && kind !== 'site' ? [ref] : []),
        '--content',
        contentDir,
        '--out',
        outDir,
      ];
      const child = spawn(process.execPath, args, {
        cwd: PACKAGE_ROOT,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      let partial = '';
      const take = (chunk: Buffer) => {
        const text = (partial + chunk.toString('utf8')).replace(ANSI, '').replace(/\r/g, '\n');
        const lines = text.split('\n');
        partial = lines.pop() ?? '';
        job.lines.push(...lines.filter((line) => line.trim()));
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.on('error', (error) => {
        job.lines.push(`无法启动生成：${error.message}`);
        job.state = 'failed';
      });
      child.on('close', (code) => {
        children.delete(child);
        if (partial.trim()) job.lines.push(partial);
        job.exitCode = code ?? 1;
        job.state = code === 0 ? 'done' : 'failed';
      });
      return job;
    },
    get: (id) => jobs.get(id),
    async stop() {
      await Promise.all(
        [...children].map(
          (child) =>
            new Promise<void>((done) => {
              child.once('close', () => done());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
