/**
 * LibreOffice for tests that open .docx files as an office would: convert
 * them to PDF with `soffice --headless` (each call with a private profile,
 * so parallel test runs do not share one), then measure the PDF with
 * test/helpers/pdf.ts. Without soffice such tests are skipped with a
 * visible message — except in CI (CI=true), where it is a failure.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

const NAMES = ['soffice', 'libreoffice'];

/** The soffice program, or undefined (skipping with a message; failing in CI). */
export function testOffice(what: string): string | undefined {
  const found = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => NAMES.map((name) => join(dir, name)))
    .find((path) => existsSync(path));
  if (found) return found;
  if (process.env.CI)
    throw new Error(`CI 中必须有 LibreOffice 才能运行「${what}」：请在 .ci/run 中安装 libreoffice-writer-nogui`);
  console.warn(`⚠ 跳过「${what}」：本机没有 LibreOffice（soffice）。CI 会安装 libreoffice-writer-nogui。`);
  return undefined;
}

/** Convert .docx files to PDF in `outDir` (one soffice run, its own profile); the PDFs' paths, in order. */
export async function docxToPdf(soffice: string, files: string[], outDir: string): Promise<string[]> {
  const profile = await mkdtemp(join(tmpdir(), 'jianbao-lo-profile-'));
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          outDir,
          ...files,
        ],
        { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
        (error, _stdout, stderr) => (error ? reject(new Error(`soffice: ${error.message}\n${stderr}`)) : resolve()),
      );
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return files.map((file) => {
    const pdf = join(outDir, basename(file).replace(/\.docx$/, '.pdf'));
    if (!existsSync(pdf)) throw new Error(`soffice wrote no PDF for ${file}`);
    return pdf;
  });
}

/** The XML parts of a .docx, by path inside the package. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
      .map(([name, data]) => [name, strFromU8(data)]),
  );
}
