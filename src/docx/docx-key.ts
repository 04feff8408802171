/**
 * What an issue's .docx is made from, hashed into the key under which a
 * .docx written earlier may be reused (`jianbao build --docx` renders only
 * the issues whose key changed): the compiled issue — its text, settings,
 * and its images by their sha256 — and the caller's salt, the digest of
 * jianbao's sources and installed packages (src/core/render/docx, docx…).
 * Unlike a PDF, nothing of the machine (browser, fonts) goes into it.
 */
import { createHash } from 'node:crypto';
import type { CompiledIssue } from '../core/index.ts';

export function docxKey(parts: { salt: string; issue: CompiledIssue }): string {
  return createHash('sha256').update(`docx\0${parts.salt}\0`).update(JSON.stringify(parts.issue)).digest('hex');
}
