/**
 * bench/generate: a realistic synthetic content directory of a given size,
 * deterministic by seed. Settings (units, leaders, recipients) come from the
 * sample content; entries and issues are generated.
 *
 *   node --import tsx bench/generate.ts --out bench/out/content --years 10 \
 *     --issues-per-year 50 --entries-per-issue 40 [--pending 30] [--drafts 40] [--seed 1] [--publish]
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { computeDigest, entriesById, loadContent } from '../src/core/index.ts';

export interface GenerateOptions {
  out: string;
  years: number;
  issuesPerYear: number;
  entriesPerIssue: number;
  pending: number;
  drafts: number;
  seed: number;
  /** Mark every issue but the last published, with its digest. */
  publish: boolean;
  firstYear?: number;
}

/** Small deterministic PRNG (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = ['区应急管理局', '区消防救援大队', '区市场监管局', '区住建局', '区交通运输局', '区教育局', '青山镇', '白沙镇', '枫林镇', '河西街道', '东城街道', '区安委办'];
const UNIT_IDS = ['yjj', 'xf', 'scjg', 'zjj', 'jtj', 'jyj', 'qsz', 'bsz', 'flz', 'hxjd', 'dcjd', 'aqw'];
const ACTIONS = ['开展安全生产专项检查', '组织召开安全生产工作部署会', '开展消防安全隐患排查整治', '开展燃气安全专项整治', '组织应急演练', '开展防汛抗旱督查', '开展危险化学品安全检查', '开展道路交通安全集中整治', '开展校园安全大排查', '开展有限空间作业安全检查'];
const PLACES = ['辖区沿街门店', '重点企业', '建筑工地', '养老机构', '中小学校', '加油站', '大型商场', '农贸市场', '出租房屋', '九小场所'];
const DETAILS = [
  '检查人员通过实地查看、查阅台账等方式，对安全管理制度落实、隐患排查治理、应急预案编制等情况进行了详细检查',
  '对检查发现的问题隐患现场交办，明确整改责任和时限，督促企业落实主体责任',
  '要求各单位时刻绷紧安全生产这根弦，做到守土有责、守土担责、守土尽责',
  '此次行动共出动检查人员{n}人次，检查单位{m}家，发现并督促整改隐患{k}处',
  '下一步，将持续加大执法检查力度，坚决遏制各类生产安全事故发生',
  '同时，向从业人员发放安全宣传资料{n}余份，进一步提升群众安全意识和自防自救能力',
];
const SECTIONS = ['upper-meetings', 'leader-inspections', 'work-updates', 'work-updates', 'work-updates', 'work-updates', 'experience', 'notices'] as const;
const LEADERS = ['黄志远', '罗文斌', '林海', '彭涛'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export async function generate(options: GenerateOptions): Promise<{ entries: number; issues: number }> {
  const rand = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const out = resolve(options.out);
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'entries'), { recursive: true });
  await mkdir(join(out, 'issues'), { recursive: true });
  const sample = resolve(import.meta.dirname, '../content');
  for (const file of ['units.yaml', 'recipients.yaml']) await cp(join(sample, file), join(out, file));
  const firstYear = options.firstYear ?? 2016;
  // The sample's leaders, holding their first title over the whole generated period.
  const samplePeople = parseYaml(await readFile(join(sample, 'people.yaml'), 'utf8')) as { name: string; rank: number; titles: { title: string }[] }[];
  await writeFile(
    join(out, 'people.yaml'),
    samplePeople.map((person) => `- name: ${person.name}\n  rank: ${person.rank}\n  titles:\n    - { title: ${person.titles[0]?.title ?? '副区长'}, from: ${firstYear - 1}-01-01 }\n`).join(''),
  );

  await writeFile(
    join(out, 'jianbao.yaml'),
    `site: { title: 示例市安全生产信息网, base: / }
series:
  - id: zhuanbao
    name: 示例区安全生产工作专报
    publisher: 示例区安全生产委员会办公室
    layout: sections
    sections: [upper-meetings, leader-inspections, work-updates, experience, notices]
    marking: 内部资料　注意保存
    contact: { name: 王明, phone: "0734-0000000", email: aqb@example.gov.cn }
    distribution: { report: [市安委办, 区领导], send: [区委办, 区政府办], distribute: [区安委会成员单位, 各镇街安委会] }
    copies: 60
`,
  );

  const body = (date: Date) => {
    const paragraphs: string[] = [];
    const first = `${date.getMonth() + 1}月${date.getDate()}日，${pick(UNITS)}${rand() < 0.2 ? `联合${pick(UNITS)}` : ''}深入${pick(PLACES)}${pick(ACTIONS)}。`;
    paragraphs.push(first + pick(DETAILS).replace('{n}', String(int(10, 200))).replace('{m}', String(int(5, 60))).replace('{k}', String(int(3, 90))) + '。');
    for (let i = int(0, 3); i > 0; i--) {
      const sentence = pick(DETAILS).replace('{n}', String(int(10, 200))).replace('{m}', String(int(5, 60))).replace('{k}', String(int(3, 90)));
      paragraphs.push(rand() < 0.15 ? `**${pick(UNITS)}**${sentence}。` : `${sentence}。`);
    }
    return paragraphs.join('\n\n');
  };

  let entryCount = 0;
  const writeEntry = async (date: Date, status: 'ready' | 'draft') => {
    const section = pick(SECTIONS);
    const unit = UNIT_IDS[Math.floor(rand() * UNIT_IDS.length)]!;
    const id = `${date.getFullYear()}/${pad(date.getMonth() + 1)}/e${String(++entryCount).padStart(6, '0')}`;
    const title = section === 'upper-meetings' || section === 'experience' || rand() < 0.1 ? `${pick(UNITS)}${pick(ACTIONS)}` : undefined;
    const people = section === 'leader-inspections' ? [pick(LEADERS)] : [];
    const iso = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    const front = [`section: ${section}`, title ? `title: ${title}` : '', `date: ${iso}`, `unit: ${unit}`, people.length ? `people: [${people.join(', ')}]` : '', status === 'draft' ? 'status: draft' : ''].filter(Boolean);
    await mkdir(join(out, 'entries', id.split('/').slice(0, 2).join('/')), { recursive: true });
    await writeFile(join(out, 'entries', `${id}.md`), `---\n${front.join('\n')}\n---\n\n${body(date)}\n`);
    return id;
  };

  let total = 0;
  let issueCount = 0;
  for (let y = 0; y < options.years; y++) {
    const year = firstYear + y;
    for (let number = 1; number <= options.issuesPerYear; number++) {
      // Spread issues over the year; entries in the days before the issue date.
      const dayOfYear = Math.floor(((number - 0.5) / options.issuesPerYear) * 360) + 2;
      const issueDate = new Date(year, 0, dayOfYear);
      const ids: string[] = [];
      for (let i = 0; i < options.entriesPerIssue; i++) {
        const date = new Date(issueDate.getTime() - int(0, 6) * 86_400_000);
        if (date.getFullYear() !== year) date.setFullYear(year, 0, 1);
        ids.push(await writeEntry(date, 'ready'));
      }
      total++;
      issueCount++;
      const iso = `${year}-${pad(issueDate.getMonth() + 1)}-${pad(issueDate.getDate())}`;
      await mkdir(join(out, 'issues', String(year)), { recursive: true });
      await writeFile(
        join(out, 'issues', String(year), `${pad(number)}.md`),
        `---\nyear: ${year}\nnumber: ${number}\ntotal: ${total}\ndate: ${iso}\nentries:\n${ids.map((id) => `  - ${id}`).join('\n')}\n---\n${number % 5 === 0 ? '\n本期聚焦近期安全防范重点工作，请各单位对照抓好落实。\n' : ''}`,
      );
    }
  }
  const last = new Date(firstYear + options.years - 1, 11, 29);
  for (let i = 0; i < options.pending; i++) await writeEntry(last, 'ready');
  for (let i = 0; i < options.drafts; i++) await writeEntry(last, 'draft');

  if (options.publish) {
    const content = await loadContent(out);
    const byId = entriesById(content.entries);
    const latest = content.issues.reduce((a, b) => (a.data.date > b.data.date ? a : b));
    for (const issue of content.issues) {
      if (issue === latest) continue;
      const digest = computeDigest(issue, byId);
      const file = join(out, issue.file);
      const text = await readFile(file, 'utf8');
      const entries = Object.entries(digest.entries).map(([id, hash]) => `    ${id}: "${hash}"`).join('\n');
      await writeFile(file, text.replace(/^---\n/, `---\nstatus: published\ndigest:\n  issue: "${digest.issue}"\n  entries:\n${entries}\n  errata: 0\n`));
    }
  }
  return { entries: entryCount, issues: issueCount };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'bench/out/content' },
      years: { type: 'string', default: '10' },
      'issues-per-year': { type: 'string', default: '50' },
      'entries-per-issue': { type: 'string', default: '40' },
      pending: { type: 'string', default: '30' },
      drafts: { type: 'string', default: '40' },
      seed: { type: 'string', default: '1' },
      publish: { type: 'boolean', default: false },
    },
  });
  const started = performance.now();
  const result = await generate({
    out: values.out!,
    years: Number(values.years),
    issuesPerYear: Number(values['issues-per-year']),
    entriesPerIssue: Number(values['entries-per-issue']),
    pending: Number(values.pending),
    drafts: Number(values.drafts),
    seed: Number(values.seed),
    publish: values.publish!,
  });
  console.log(`已生成 ${result.issues} 期、${result.entries} 篇稿件 → ${values.out}（用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
}
