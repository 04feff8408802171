/** File names of new entries: `entries/<yyyy>/<mm>/<date>-<slug>.md`. */
import { ENTRIES_DIR } from '../paths.ts';
import { sectionName, type SectionId } from '../schema/sections.ts';
import type { Unit } from '../schema/units.ts';

/** Longest slug, in characters: enough to recognise a title, short enough for a path. */
const SLUG_LENGTH = 20;

/**
 * A title reduced to a file-name part: letters (Chinese included) and digits
 * kept, punctuation, symbols and spaces dropped, at most SLUG_LENGTH characters.
 */
export function slugify(text: string, length = SLUG_LENGTH): string {
  return [...text.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '')].slice(0, length).join('');
}

/** The shortest name of a unit (应急局 rather than 区应急管理局), for file names. */
function shortUnitName(unit: Pick<Unit, 'name' | 'aliases'>): string {
  return [unit.name, ...unit.aliases].reduce((best, name) => ([...name].length < [...best].length ? name : best));
}

/** Path of a new entry relative to the content directory, before de-duplication (-2, -3…). */
export function entryPath(
  date: string,
  section: SectionId,
  unit: Pick<Unit, 'name' | 'aliases'>,
  title: string | undefined,
): string {
  const slug = (title && slugify(title)) || slugify(`${shortUnitName(unit)}${sectionName(section)}`);
  return `${ENTRIES_DIR}/${date.slice(0, 4)}/${date.slice(5, 7)}/${date}-${slug}.md`;
}
