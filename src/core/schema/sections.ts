/**
 * The five sections (栏目) of a bulletin: declared once, here.
 * Everything else refers to sections through these ids.
 */
import { aliasedEnum, type EnumValue } from './fields.ts';

export const SECTIONS = [
  { id: 'upper-meetings', name: '上级会议精神', aliases: ['会议精神'] },
  { id: 'leader-inspections', name: '调研指导', aliases: ['领导督导', '领导调研'] },
  { id: 'work-updates', name: '工作动态', aliases: [] },
  { id: 'experience', name: '经验推介', aliases: ['经验交流'] },
  { id: 'notices', name: '工作提示', aliases: [] },
] as const satisfies readonly EnumValue[];

export type SectionId = (typeof SECTIONS)[number]['id'];

export const SECTION_IDS = SECTIONS.map<SectionId>((section) => section.id);

/** Sections whose entries must carry a title whatever the layout. */
export const TITLED_SECTIONS: readonly SectionId[] = ['upper-meetings', 'experience'];

/** Sections whose entries name at least one leader. */
export const LEADER_SECTIONS: readonly SectionId[] = ['leader-inspections'];

export function sectionName(id: SectionId): string {
  return SECTIONS.find((section) => section.id === id)?.name ?? id;
}

export const sectionSchema = aliasedEnum(SECTIONS, '栏目');
