/**
 * The studio's API: JSON over the project context. Reads come from the
 * project's check (one load, until a write invalidates it); writes are the
 * project's workflow steps (new entry, save, new issue, publish, erratum),
 * the same functions the CLI calls, so the files are the files the commands
 * write. Ids are looked up among the checked entries and issues: nothing
 * outside the content directory, and nothing but the workflow's files, can
 * be named.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import {
  compileEntry,
  compileImages,
  imageOutputs,
  defaultSeries,
  entryHtml,
  entrySeries,
  EntryConflict,
  ImageReader,
  fixBody,
  issueNumbering,
  matchUnits,
  parseDateText,
  renderMarkdown,
  resolveEntryFields,
  schema,
  sectionName,
  SECTIONS,
  leadersOn,
  UserError,
  WorkflowError,
  type EntryRecord,
  type IssuePlan,
  type IssueRequest,
  type Project,
} from '../core/index.ts';
import {
  bodyFindings,
  lintContext,
  entryRows,
  fieldMessages,
  formOf,
  placements,
  requestOf,
  type FieldMessage,
} from './entries.ts';
import { readJson, RequestError, sendJson } from './http.ts';
import { entrySummary, issueRows } from './issues.ts';
import type { JobKind, Jobs } from './jobs.ts';
import { createPreviews, PREVIEW_HEADERS, PREVIEW_PATH, previewImage } from './print-preview.ts';

export interface ApiOptions {
  project: Project;
  today: () => string;
  jobs: Jobs;
}

type Handler = (input: { url: URL; body: () => Promise<Record<string, unknown>> }) => Promise<unknown>;

/**
 * An entry id or issue ref as the CLI accepts them: a relative path inside
 * the content directory, no `..`, no absolute or drive path, no control characters.
 */
export function validId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new RequestError(400, `缺少${what}`);
  const text = value.normalize('NFC');
  const bad =
    text.length > 400 ||
    // eslint-disable-next-line no-control-regex -- control characters never belong in a file name
    /[\u0000-\u001f\\]/.test(text) ||
    /^[/~]|^[a-zA-Z]:/.test(text) ||
    text.split('/').some((part) => part === '..' || part === '.' || part === '');
  if (bad)
    throw new RequestError(
      403,
      `拒绝访问：「${value}」不在内容目录中（${what}应写作 entries/ 下的相对路径，如 2025/11/燃气检查）`,
    );
  return text;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The issue 编一期 composes, from the request body of both 预览 and 生成本期: the same fields, checked alike. */
function composition(input: Record<string, unknown>): IssueRequest {
  return {
    series: text(input.series) || undefined,
    date: text(input.date) || undefined,
    entries: Array.isArray(input.entries) ? input.entries.map((id) => validId(id, '稿件编号')) : [],
    note: text(input.note),
  };
}

const OUTPUT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

export function createApi({ project, today, jobs }: ApiOptions) {
  const checked = () => project.check();
  const workflow = () => ({ today: today() });
  const previews = createPreviews();

  /**
   * The body as the site shows it, with the entry's images: looked up beside
   * the entry's file (`id`, an entry the check knows; a new entry's folder is
   * not known yet, so entries/), and served by hash as the print preview's
   * are (print-preview.ts), never by the path the body writes.
   */
  async function preview(form: ReturnType<typeof formOf>, id: unknown): Promise<string> {
    const { registry, content } = await checked();
    const wanted = typeof id === 'string' && id ? validId(id, '稿件编号') : undefined;
    const known = wanted === undefined ? undefined : content.entries.find((entry) => entry.id === wanted);
    const file = known?.file ?? 'entries/preview.md';
    // Through the checked content's own source (the files the check read), as the check finds an entry's images.
    const images = (await new ImageReader(content.source).references(file, form.body, 1))
      // An image that cannot be read now is not shown (the check reports it).
      .filter(({ target }) => !(target.kind === 'file' && target.format !== undefined && target.sha256 === undefined));
    const parsed = schema.entrySchema.safeParse({
      section: form.section,
      date: form.date,
      unit: form.unit,
      people: form.people,
      ...(form.title.trim() ? { title: form.title } : {}),
      ...(form.series.trim() ? { series: form.series } : {}),
    });
    const plain = () => {
      previews.putImages(compileImages(images));
      return renderMarkdown(form.body, { images: imageOutputs(images), base: PREVIEW_PATH }).html;
    };
    if (!parsed.success) return plain();
    const record: EntryRecord = {
      id: known?.id ?? 'preview',
      file,
      data: parsed.data,
      body: form.body,
      bodyLine: 1,
      images,
      positions: undefined as unknown as EntryRecord['positions'],
    };
    const series = entrySeries(registry, record) ?? defaultSeries(registry, parsed.data.section) ?? registry.series[0];
    if (!series) return plain();
    const compiled = compileEntry(record, registry, 'preview');
    previews.putImages(compiled.images);
    const heading = compiled.title ? `<h3 class="preview-title">${escapeHtml(compiled.title)}</h3>` : '';
    return `${heading}${entryHtml(compiled, { series }, PREVIEW_PATH)}`;
  }

  function planJson(plan: IssuePlan, registry: Awaited<ReturnType<typeof checked>>['registry']) {
    return {
      ref: plan.ref,
      series: plan.series.id,
      seriesName: plan.series.name,
      numbering: issueNumbering(plan.year, plan.number, plan.total, plan.supplement),
      year: plan.year,
      number: plan.number,
      total: plan.total ?? null,
      date: plan.date,
      entries: plan.entries.map((entry) => entrySummary(entry, registry)),
      later: plan.later.map((entry) => entrySummary(entry, registry)),
      skipped: plan.skipped.map((entry) => entrySummary(entry, registry)),
    };
  }

  const routes: Record<string, Handler> = {
    'GET /api/state': async () => {
      const { content, registry } = await checked();
      return {
        title: content.site?.site.title ?? '',
        today: today(),
        series: registry.series.map((series) => ({
          id: series.id,
          name: series.name,
          layout: series.layout,
          sections: series.sections.map((id) => ({ id, name: sectionName(id) })),
        })),
        sections: SECTIONS.map((section) => ({ id: section.id, name: section.name })),
        units: matchUnits(registry, '', today()).map((unit) => ({
          id: unit.id,
          name: unit.name,
          aliases: unit.aliases,
        })),
        people: leadersOn(registry, today()).map((leader) => ({ name: leader.name, title: leader.title })),
        allPeople: registry.people.map((person) => person.name),
        statuses: schema.ENTRY_STATUSES.map((status) => status.name),
      };
    },
    'GET /api/units': async ({ url }) => {
      const { registry } = await checked();
      return matchUnits(registry, url.searchParams.get('q') ?? '', today()).map((unit) => ({
        id: unit.id,
        name: unit.name,
        aliases: unit.aliases,
      }));
    },
    'GET /api/entries': async () => {
      const result = await checked();
      return { entries: entryRows(result), errors: result.errors, warnings: result.warnings };
    },
    'GET /api/entry': async ({ url }) => {
      const id = validId(url.searchParams.get('id'), '稿件编号');
      const opened = await project.openEntry(id);
      const result = await checked();
      const issue = placements(result.content.issues).get(opened.id);
      const rows = issueRows(result);
      const frozen = issue?.data.status === 'published' ? rows.find((row) => row.file === issue.file) : undefined;
      return {
        ...opened,
        frozen: frozen ? { ref: frozen.ref, name: frozen.name, file: frozen.file } : null,
        issue: issue ? rows.find((row) => row.file === issue.file)?.ref : null,
        messages: fieldMessages(result.diagnostics, opened.file, opened.text),
        findings: bodyFindings(opened.form.body, opened.form.date, result.registry),
      };
    },
    'POST /api/entry/check': async ({ body }) => {
      const input = await body();
      const form = formOf(input.form);
      const { registry } = await checked();
      const problems: FieldMessage[] = resolveEntryFields(registry, requestOf(form), today()).problems.map(
        (problem) => ({
          field: problem.field,
          severity: 'error',
          message: problem.message,
          ...(problem.hint ? { hint: problem.hint } : {}),
        }),
      );
      return {
        messages: problems,
        findings: bodyFindings(form.body, form.date, registry),
        preview: await preview(form, input.id),
      };
    },
    'POST /api/entry/create': async ({ body }) => {
      const raw = (await body()).form as { body?: unknown } | undefined;
      const request = requestOf(formOf(raw));
      // No body from the form: the template's opening, exactly as `new entry` writes it.
      if (typeof raw?.body !== 'string' || !raw.body.trim()) request.body = undefined;
      const result = await project.newEntry(request, workflow());
      return { id: result.id, file: result.file };
    },
    'POST /api/entry/save': async ({ body }) => {
      const input = await body();
      const id = validId(input.id, '稿件编号');
      const saved = await project.saveEntry(id, formOf(input.form), text(input.version));
      const result = await checked();
      return {
        version: saved.version,
        changed: saved.changed,
        messages: fieldMessages(result.diagnostics, `entries/${id}.md`, saved.text),
        errors: result.errors,
        warnings: result.warnings,
      };
    },
    'POST /api/preview': async ({ body }) => {
      const input = await body();
      return { html: await preview(formOf(input.form), input.id) };
    },
    'POST /api/paste': async ({ body }) => {
      const input = await body();
      const html = text(input.html);
      if (!html.trim()) throw new RequestError(400, '剪贴板里没有网页或 Word 的内容');
      const { importFiles } = await import('../core/index.ts');
      const { registry } = await checked();
      const date = text(input.date);
      const [report] = await importFiles({
        contentDir: project.dir,
        files: [{ label: '粘贴的内容', bytes: Buffer.from(html, 'utf8'), kind: 'html' }],
        section: 'work-updates',
        split: false,
        dryRun: true,
        registry,
        ...(parseDateText(date) ? { date: parseDateText(date)! } : {}),
        today: today(),
      });
      const entry = report?.entries[0];
      if (!report || !entry) throw new RequestError(422, report?.error ?? '粘贴的内容中没有可用的正文');
      const split = entry.text.indexOf('\n---\n', 4);
      const pasted = (split >= 0 ? entry.text.slice(split + 5) : entry.text).replace(/^\n+/, '').trimEnd();
      return {
        body: pasted,
        title: entry.title ?? '',
        removed: report.removed,
        notes: [...report.notes, ...entry.notes],
        fixes: entry.fixes,
      };
    },
    'POST /api/lint/fix': async ({ body }) => {
      const form = formOf((await body()).form);
      const { registry } = await checked();
      const fixed = fixBody(form.body, lintContext(form.date, registry));
      return { body: fixed.text, applied: fixed.applied.length };
    },
    'GET /api/check': async () => {
      const result = await checked();
      const entryByFile = new Map(result.content.entries.map((entry) => [entry.file, entry.id]));
      const issueByFile = new Map(issueRows(result).map((row) => [row.file, row.ref]));
      const files = new Map<string, FieldMessage[]>();
      for (const d of result.diagnostics) {
        const list = files.get(d.file) ?? [];
        list.push({
          field: '',
          severity: d.severity === 'error' ? 'error' : 'warning',
          message: d.message,
          ...(d.hint ? { hint: d.hint } : {}),
          rule: d.rule,
          line: d.line,
          column: d.column,
        });
        files.set(d.file, list);
      }
      return {
        errors: result.errors,
        warnings: result.warnings,
        files: [...files].map(([file, messages]) => ({
          file,
          entry: entryByFile.get(file) ?? null,
          issue: issueByFile.get(file) ?? null,
          messages,
        })),
      };
    },
    'GET /api/issues': async () => ({ issues: issueRows(await checked()) }),
    'GET /api/issue/plan': async ({ url }) => {
      const plan = await project.planIssue(
        { series: url.searchParams.get('series') ?? undefined, date: url.searchParams.get('date') ?? undefined },
        workflow(),
      );
      return planJson(plan, (await checked()).registry);
    },
    'POST /api/issue/create': async ({ body }) => {
      const result = await project.newIssue(composition(await body()), workflow());
      return {
        file: result.file,
        ref: result.ref,
        numbering: issueNumbering(result.year, result.number, result.total, result.supplement),
        entries: result.entries.length,
      };
    },
    'POST /api/issue/preview': async ({ body }) => {
      const { draft, issue } = await project.previewIssue(composition(await body()), workflow());
      return {
        file: draft.file,
        numbering: issueNumbering(draft.year, draft.number, draft.total, draft.supplement),
        url: issue ? previews.put(issue) : null,
        problems: draft.problems.map((d) => ({ message: d.message, hint: d.hint ?? '' })),
      };
    },
    'GET /api/issue': async ({ url }) => {
      const ref = validId(url.searchParams.get('ref'), '期号');
      const result = await checked();
      const row = issueRows(result).find((item) => item.ref === ref);
      if (!row) throw new RequestError(404, `找不到期刊「${ref}」`);
      const issue = result.content.issues.find((item) => item.file === row.file)!;
      const byId = new Map(result.content.entries.map((entry) => [entry.id, entry]));
      return {
        ...row,
        list: issue.data.entries.map((id) => {
          const entry = byId.get(id.normalize('NFC'));
          return entry
            ? entrySummary(entry, result.registry)
            : { id, title: '（稿件文件不存在）', section: '', unit: '', date: '' };
        }),
        messages: result.diagnostics
          .filter((d) => d.file === issue.file)
          .map((d) => ({ severity: d.severity, message: d.message, hint: d.hint ?? '', rule: d.rule, line: d.line })),
      };
    },
    'POST /api/issue/publish': async ({ body }) => {
      const ref = validId((await body()).ref, '期号');
      const result = await project.publish(ref, workflow());
      return result;
    },
    'POST /api/issue/erratum': async ({ body }) => {
      const input = await body();
      const ref = validId(input.ref, '期号');
      return project.addErratum(ref, { date: text(input.date) || undefined, text: text(input.text) }, workflow());
    },
    'POST /api/generate': async ({ body }) => {
      const input = await body();
      const kind = text(input.kind) as JobKind;
      if (!['site', 'pdf', 'docx'].includes(kind)) throw new RequestError(400, '只能生成 站点、PDF 或 Word 文件');
      const ref = kind === 'site' ? undefined : validId(input.ref, '期号');
      return jobs.start(kind, ref);
    },
    'GET /api/job': async ({ url }) => {
      const job = jobs.get(Number(url.searchParams.get('id')));
      if (!job) throw new RequestError(404, '没有这个生成任务');
      if (job.state !== 'done') return { ...job, links: [] };
      const links: { label: string; href: string }[] = [{ label: '站点首页', href: '/api/out/index.html' }];
      if (job.ref) {
        const site = await project.compile().catch(() => undefined);
        const issue = site?.issues.find((item) => item.ref === job.ref);
        if (issue) {
          const folder = `/api/out/${issue.key}/`;
          links.push(
            { label: '本期网页', href: `${folder}index.html` },
            { label: '打印版', href: `${folder}print/index.html` },
          );
          if (job.kind === 'pdf') links.push({ label: 'PDF', href: `${folder}${issue.pdfName}` });
          if (job.kind === 'docx')
            links.push({ label: 'Word 文件', href: `${folder}${issue.pdfName.replace(/\.pdf$/, '.docx')}` });
        }
      }
      return { ...job, links };
    },
  };

  /** A generated file (the site, PDFs, Word files) from the output folder, read-only. */
  async function serveOutput(response: ServerResponse, url: URL): Promise<void> {
    const relativePath = decodeURIComponent(url.pathname.slice('/out/'.length));
    const id = validId(
      relativePath.endsWith('/') || !relativePath ? `${relativePath}index.html` : relativePath,
      '文件',
    );
    const root = await realpath(jobs.outDir).catch(() => undefined);
    if (!root) throw new RequestError(404, '还没有生成站点');
    const path = await realpath(join(root, id)).catch(() => undefined);
    if (!path || !path.startsWith(root + sep) || !(await stat(path)).isFile())
      throw new RequestError(404, `没有这个文件：${id}`);
    response.writeHead(200, {
      'Content-Type': OUTPUT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    createReadStream(path).pipe(response);
  }

  return async function api(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    try {
      if (request.method === 'GET' && url.pathname.startsWith('/api/out/')) {
        url.pathname = url.pathname.slice('/api'.length);
        return await serveOutput(response, url);
      }
      if (request.method === 'GET' && url.pathname.startsWith(`${PREVIEW_PATH}media/`)) {
        // Only an image a kept preview shows, by the name it has there: nothing else of the content can be named.
        const image = previews.image(url.pathname.slice(PREVIEW_PATH.length));
        const bytes = image && (await previewImage(project.dir, image));
        if (!image || !bytes) throw new RequestError(404, '没有这张图片（预览已过期或图片已改动，请刷新预览）');
        response.writeHead(200, {
          'Content-Type': image.mime,
          'Content-Length': bytes.length,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        response.end(bytes);
        return;
      }
      if (request.method === 'GET' && url.pathname.startsWith(PREVIEW_PATH)) {
        const html = previews.get(url.pathname.slice(PREVIEW_PATH.length));
        if (!html) throw new RequestError(404, '预览已过期，请刷新');
        response.writeHead(200, PREVIEW_HEADERS).end(html);
        return;
      }
      const route = routes[`${request.method} ${url.pathname}`];
      if (!route) throw new RequestError(404, `没有这个接口：${request.method} ${url.pathname}`);
      let parsed: Record<string, unknown> | undefined;
      const body = async () => (parsed ??= ((await readJson(request)) ?? {}) as Record<string, unknown>);
      sendJson(response, 200, await route({ url, body }));
    } catch (error) {
      if (error instanceof RequestError)
        return sendJson(response, error.status, { error: error.message, ...error.extra });
      if (error instanceof EntryConflict) {
        return sendJson(response, 409, {
          error: error.message,
          hint: error.hint,
          conflict: { current: error.current, version: error.currentVersion },
        });
      }
      if (error instanceof UserError) {
        const field = error instanceof WorkflowError ? error.field : undefined;
        return sendJson(response, 422, {
          error: error.message,
          ...(error.hint ? { hint: error.hint } : {}),
          ...(field ? { field } : {}),
          diagnostics: error.diagnostics.map((d) => ({
            file: d.file,
            line: d.line,
            column: d.column,
            severity: d.severity,
            message: d.message,
            hint: d.hint ?? '',
            rule: d.rule,
          })),
        });
      }
      throw error;
    }
  };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
