/** Talking to the studio's server: JSON both ways, the token in the cookie the first visit set. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: {
      error?: string;
      hint?: string;
      field?: string;
      conflict?: { current: string; version: string };
      diagnostics?: { file: string; line: number; message: string; hint: string }[];
    },
  ) {
    super(body.error ?? `请求失败（${status}）`);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await response.json().catch(() => ({ error: `服务器没有返回结果（${response.status}）` }))) as T & {
    error?: string;
  };
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = <T>(path: string) => call<T>('GET', path);
export const post = <T>(path: string, body: unknown) => call<T>('POST', path, body);

/** An error as one line for the page: message and hint. */
export function explain(error: unknown): string {
  if (error instanceof ApiError) return [error.body.error, error.body.hint].filter(Boolean).join(' → ');
  return `出错了：${(error as Error).message}`;
}

export interface State {
  title: string;
  today: string;
  series: { id: string; name: string; layout: string; sections: { id: string; name: string }[] }[];
  sections: { id: string; name: string }[];
  units: { id: string; name: string; aliases: string[] }[];
  people: { name: string; title: string }[];
  allPeople: string[];
  statuses: string[];
}

// The shapes the server sends, as the server declares them (type-only: nothing of the server is bundled).
export type { FieldMessage, BodyFinding } from '../entries.ts';
export type { EntryForm } from '../../core/index.ts';
export type { IssueRow, EntrySummary } from '../issues.ts';
