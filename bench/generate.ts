/**
 * bench/generate: a realistic synthetic content directory of a given size,
 * deterministic by seed. Settings (units, leaders, recipients) come from the
 * sample content; entries and issues are generated.
 *
 *   node --import tsx bench/generate.ts --out bench/out/content --years 10 \
 *     --issues-per-year 50 --entries-per-issue 40 [--pending 30] [--drafts 40] [--seed 1] [--publish]
 *
 * Realistic means what the pipeline feels: entries of 60 to 900 characters
 * (meeting reports long, work updates short) in the five sections at their
 * usual shares; a vocabulary of thousands of place, enterprise and village
 * names (the search index grows with it); the markup clerks write — bold
 * names, 一、 headings, numbered lists, now and then a table, a link or a
 * photo; leader-inspection items naming leaders from people.yaml; and text
 * that passes jianbao's own lint, as a clerk's would after `lint --fix`.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { archiveLegacyIssues, computeDigest, entriesById, loadContent } from '../src/core/index.ts';

export interface GenerateOptions {
  out: string;
  years: number;
  issuesPerYear: number;
  entriesPerIssue: number;
  pending: number;
  drafts: number;
  seed: number;
  /**
   * Publish every issue but the last, as users' content has it: archive
   * records (published/<series>/<year>-<NN>/1.json and the ledger) written by
   * the core's own archive step.
   */
  publish: boolean;
  firstYear?: number;
}

/** Small deterministic PRNG (mulberry32). */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Syllables for place, village and enterprise names: combined, thousands of distinct words. */
const NAME_CHARS =
  '青白枫河东西南北金银石桥湾塘岭山林溪泉湖港新安和平兴隆丰盛华荣宏达祥瑞永昌福康宁泰鑫源鸿运恒通汇德顺明光正阳春秋松柏竹梅兰桂荷莲';
const PLACE_SUFFIXES = ['村', '社区', '工业园', '小区', '街', '路', '片区', '集镇'];
const TRADES = [
  '化工',
  '建材',
  '物流',
  '燃气',
  '食品',
  '纺织',
  '机械',
  '建筑',
  '矿业',
  '烟花爆竹',
  '商贸',
  '电子',
  '塑料',
  '木业',
  '石材',
];
const ENTERPRISE_SUFFIXES = ['有限公司', '有限责任公司', '股份有限公司', '厂', '加油站', '商场', '酒店'];
const SITES = [
  '沿街门店',
  '重点企业',
  '建筑工地',
  '养老机构',
  '中小学校',
  '加油站',
  '大型商场',
  '农贸市场',
  '出租房屋',
  '九小场所',
  '危化品仓库',
  '高层住宅',
  '在建工地',
  '校外培训机构',
  '宾馆酒店',
  '人员密集场所',
  '城镇燃气场站',
  '水库山塘',
  '地质灾害隐患点',
  '电动自行车充电场所',
];
const ACTIONS = [
  '开展安全生产专项检查',
  '组织召开安全生产工作部署会',
  '开展消防安全隐患排查整治',
  '开展燃气安全专项整治',
  '组织应急演练',
  '开展防汛抗旱督查',
  '开展危险化学品安全检查',
  '开展道路交通安全集中整治',
  '开展校园安全大排查',
  '开展有限空间作业安全检查',
  '开展森林防灭火巡查',
  '开展自建房安全专项整治',
  '开展电动自行车安全隐患全链条整治',
  '开展“安全生产月”宣传咨询日活动',
  '开展节前安全生产大检查',
  '开展冬春火灾防控专项行动',
  '开展特种设备安全隐患排查',
  '开展建筑施工领域安全生产治理行动',
  '开展防溺水安全巡查',
  '开展烟花爆竹打非治违行动',
];
const DETAILS = [
  '检查人员通过实地查看、查阅台账、随机抽问等方式，对安全管理制度落实、隐患排查治理、应急预案编制等情况进行了详细检查',
  '对检查发现的问题隐患现场交办，明确整改责任、整改措施和整改时限，督促企业切实落实安全生产主体责任',
  '要求各单位时刻绷紧安全生产这根弦，做到守土有责、守土担责、守土尽责，坚决守住安全底线',
  '此次行动共出动检查人员{n}人次，检查生产经营单位{m}家，发现并督促整改各类隐患{k}处',
  '下一步，将持续加大执法检查力度，保持高压态势，坚决遏制各类生产安全事故发生',
  '同时，向从业人员发放安全宣传资料{n}余份，进一步提升群众安全意识和自防自救能力',
  '针对检查中发现的消防通道堵塞、灭火器过期、电线私拉乱接等问题，检查组逐一拍照登记，建立问题清单',
  '对{m}家存在重大事故隐患的单位依法责令停产整顿，立案查处{k}起，罚款{n}万元',
  '会上，各成员单位分别汇报了近期工作开展情况，并就下一步工作进行了交流发言',
  '活动现场设置咨询台{k}个，摆放宣传展板{m}块，现场解答群众咨询{n}余人次',
  '演练模拟{place}发生火灾事故，参演人员迅速启动应急预案，开展疏散引导、初期火灾扑救和伤员救护',
  '督查组先后深入{place}、{enterprise}等地，详细了解防汛物资储备、值班值守和隐患点巡查情况',
];
const MEETING_BODIES = [
  '会议传达学习了上级关于安全生产工作的重要指示批示精神，通报了近期全国、全省发生的典型事故案例',
  '会议强调，要牢固树立安全发展理念，坚持人民至上、生命至上，统筹好发展和安全两件大事',
  '会议要求，要压紧压实党委政府领导责任、部门监管责任和企业主体责任，推动安全生产责任落实落地',
  '会议指出，当前正值{season}，各类风险隐患交织叠加，安全生产形势依然严峻复杂',
  '会议部署了下一阶段重点工作，要求聚焦{focus}等重点行业领域，深入开展隐患排查整治',
  '会议要求各地各部门严格落实领导带班和24小时值班值守制度，确保信息畅通、处置及时',
];
const UPPER = [
  '市委常委会',
  '市政府常务会',
  '省安委会全体会议',
  '市安委会全体会议',
  '全市防汛抗旱工作会议',
  '全省安全生产电视电话会议',
  '市森林防灭火指挥部会议',
  '全市安全生产工作推进会',
];
const SEASONS = ['汛期', '岁末年初', '春季', '高温季节', '秋冬季', '节假日期间'];
const FOCUS = [
  '危险化学品、建筑施工、道路交通',
  '燃气、消防、自建房',
  '非煤矿山、烟花爆竹、特种设备',
  '城镇燃气、人员密集场所',
  '水上交通、旅游景区',
];
const NOTICE_POINTS = [
  '严格落实值班值守和领导带班制度，遇有突发情况及时报告、妥善处置',
  '加强对重点行业领域的安全巡查，及时发现和消除各类风险隐患',
  '做好应急物资储备和救援队伍备勤，确保关键时刻拉得出、用得上',
  '加大安全宣传力度，提高群众安全意识和自救互救能力',
  '加强对老旧小区、城中村等区域的电动自行车充电安全管理',
  '严防森林火灾，加强野外用火管理和重点时段巡山护林',
];
const EXPERIENCE_HEADINGS = [
  '一、强化组织领导，压实工作责任',
  '二、聚焦重点领域，深化隐患整治',
  '三、创新监管方式，提升治理效能',
  '四、强化宣传教育，营造良好氛围',
  '五、健全长效机制，巩固整治成果',
];
const SECTIONS = [
  ['upper-meetings', 8],
  ['leader-inspections', 15],
  ['work-updates', 55],
  ['experience', 10],
  ['notices', 12],
] as const;
type Section = (typeof SECTIONS)[number][0];

/** A 1×1 PNG, for the few entries that show a photo. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

interface SampleUnit {
  id: string;
  name: string;
}

/** Units and leaders of the sample content (its YAML keys may be English or Chinese). */
async function sampleSettings(
  sample: string,
): Promise<{ units: SampleUnit[]; people: { name: string; rank: number; title: string }[] }> {
  type Raw = Record<string, unknown>;
  const field = (item: Raw, en: string, zh: string) => item[en] ?? item[zh];
  const units = (parseYaml(await readFile(join(sample, 'units.yaml'), 'utf8')) as Raw[]).map((item) => ({
    id: String(item.id),
    name: String(field(item, 'name', '名称')),
  }));
  const people = (parseYaml(await readFile(join(sample, 'people.yaml'), 'utf8')) as Raw[]).map((item) => {
    const titles = (field(item, 'titles', '职务') as Raw[] | undefined) ?? [];
    return {
      name: String(field(item, 'name', '姓名')),
      rank: Number(field(item, 'rank', '排序')),
      title: String(titles[0] ? field(titles[0], 'title', '职务') : '副区长'),
    };
  });
  return { units, people };
}

export async function generate(options: GenerateOptions): Promise<{ entries: number; issues: number }> {
  const rand = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const chance = (p: number) => rand() < p;
  const out = resolve(options.out);
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'entries'), { recursive: true });
  await mkdir(join(out, 'issues'), { recursive: true });
  const sample = resolve(import.meta.dirname, '../content');
  await cp(join(sample, 'units.yaml'), join(out, 'units.yaml'));
  await cp(join(sample, 'recipients.yaml'), join(out, 'recipients.yaml'));
  const { units, people } = await sampleSettings(sample);
  const firstYear = options.firstYear ?? 2016;
  // The sample's leaders, each holding their first title over the whole generated period.
  await writeFile(
    join(out, 'people.yaml'),
    people
      .map(
        (person) =>
          `- name: ${person.name}\n  rank: ${person.rank}\n  titles:\n    - { title: ${person.title}, from: ${firstYear - 1}-01-01 }\n`,
      )
      .join(''),
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

  const word = (length: number) => Array.from({ length }, () => pick([...NAME_CHARS])).join('');
  const place = () => `${word(2)}${pick(PLACE_SUFFIXES)}`;
  const enterprise = () => `${word(int(2, 3))}${pick(TRADES)}${pick(ENTERPRISE_SUFFIXES)}`;
  const unitName = () => pick(units).name;
  const fill = (text: string) =>
    text
      .replace('{n}', String(int(10, 300)))
      .replace('{m}', String(int(3, 80)))
      .replace('{k}', String(int(1, 120)))
      .replace('{place}', place())
      .replace('{enterprise}', enterprise())
      .replace('{season}', pick(SEASONS))
      .replace('{focus}', pick(FOCUS));
  /** `count` different items of `pool`, in random order. */
  const distinct = <T>(pool: readonly T[], count: number): T[] => {
    const rest = [...pool];
    return Array.from(
      { length: Math.min(count, rest.length) },
      () => rest.splice(Math.floor(rand() * rest.length), 1)[0]!,
    );
  };
  const sentences = (pool: readonly string[], count: number) =>
    distinct(pool, count)
      .map((sentence) => `${fill(sentence)}。`)
      .join('');
  const dayText = (date: Date) => `${date.getMonth() + 1}月${date.getDate()}日`;

  /** The body of an entry, by section; Markdown as clerks write it. */
  const body = (section: Section, date: Date, leader: string | undefined, image: string | undefined): string => {
    const paragraphs: string[] = [];
    switch (section) {
      case 'upper-meetings':
        paragraphs.push(`${dayText(date)}，${pick(UPPER)}召开。${sentences(MEETING_BODIES, int(2, 3))}`);
        for (let i = int(1, 3); i > 0; i--) paragraphs.push(sentences(MEETING_BODIES, int(2, 4)));
        break;
      case 'leader-inspections':
        paragraphs.push(
          `${dayText(date)}，${leader}带队深入${place()}、${enterprise()}等地${pick(ACTIONS).replace(/^开展/, '督导')}。${sentences(DETAILS, int(1, 2))}`,
        );
        if (chance(0.5))
          paragraphs.push(`${leader}强调，${sentences(MEETING_BODIES, 1).replace(/^会议(强调|要求|指出)，/, '')}`);
        break;
      case 'experience':
        paragraphs.push(`近年来，${unitName()}${sentences(DETAILS, 1)}`);
        for (const heading of EXPERIENCE_HEADINGS.slice(0, int(2, 4))) {
          paragraphs.push(`**${heading}**`);
          paragraphs.push(sentences(DETAILS, int(1, 3)));
        }
        if (chance(0.3))
          paragraphs.push(
            distinct(NOTICE_POINTS, int(2, 4))
              .map((point, i) => `${i + 1}. ${fill(point)}。`)
              .join('\n'),
          );
        break;
      case 'notices':
        paragraphs.push(
          `当前正值${pick(SEASONS)}，${sentences(MEETING_BODIES, 1).replace(/^会议(强调|要求|指出)，/, '')}为此，提示如下：`,
        );
        paragraphs.push(
          distinct(NOTICE_POINTS, int(3, 5))
            .map((point, i) => `${i + 1}. ${fill(point)}。`)
            .join('\n'),
        );
        break;
      default: {
        const actor = chance(0.2) ? `${unitName()}联合${unitName()}` : unitName();
        paragraphs.push(
          `${dayText(date)}，${chance(0.15) ? `**${actor}**` : actor}深入${chance(0.5) ? place() : pick(SITES)}${pick(ACTIONS)}。${sentences(DETAILS, int(1, 2))}`,
        );
        for (let i = int(0, 2); i > 0; i--) paragraphs.push(sentences(DETAILS, int(1, 2)));
      }
    }
    if (chance(0.01)) {
      const rows = Array.from({ length: int(2, 4) }, () => `| ${place()} | ${int(3, 40)} | ${int(0, 20)} |`);
      paragraphs.push(['| 检查对象 | 检查单位（家） | 发现隐患（处） |', '| --- | --- | --- |', ...rows].join('\n'));
    }
    if (chance(0.01))
      paragraphs.push(
        `详细情况见[区应急管理局网站](https://yjj.example.gov.cn/${date.getFullYear()}/${int(1000, 9999)}.html)。`,
      );
    if (image) paragraphs.push(`![${place()}检查现场](${image})`);
    return paragraphs.join('\n\n');
  };

  const sectionOf = (): Section => {
    let roll = rand() * 100;
    for (const [section, share] of SECTIONS) {
      roll -= share;
      if (roll < 0) return section;
    }
    return 'work-updates';
  };

  let entryCount = 0;
  const writeEntry = async (date: Date, status: 'ready' | 'draft') => {
    const section = sectionOf();
    const unit = pick(units).id;
    const folder = `${date.getFullYear()}/${pad(date.getMonth() + 1)}`;
    const id = `${folder}/e${String(++entryCount).padStart(6, '0')}`;
    const title =
      section === 'upper-meetings'
        ? `${pick(UPPER)}精神`
        : section === 'experience' || chance(0.1)
          ? `${unitName()}${pick(ACTIONS)}`
          : undefined;
    const leaders = section === 'leader-inspections' ? [pick(people).name] : [];
    const iso = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    await mkdir(join(out, 'entries', folder), { recursive: true });
    let image: string | undefined;
    if (chance(0.003)) {
      image = `images/${id.split('/').at(-1)}.png`;
      await mkdir(join(out, 'entries', folder, 'images'), { recursive: true });
      await writeFile(join(out, 'entries', folder, image), PIXEL_PNG);
    }
    const front = [
      `section: ${section}`,
      title ? `title: ${title}` : '',
      `date: ${iso}`,
      `unit: ${unit}`,
      leaders.length ? `people: [${leaders.join(', ')}]` : '',
      status === 'draft' ? 'status: draft' : '',
    ].filter(Boolean);
    await writeFile(
      join(out, 'entries', `${id}.md`),
      `---\n${front.join('\n')}\n---\n\n${body(section, date, leaders[0], image)}\n`,
    );
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
      const entries = Object.entries(digest.entries)
        .map(([id, hash]) => `    ${id}: "${hash}"`)
        .join('\n');
      await writeFile(
        file,
        text.replace(
          /^---\n/,
          `---\nstatus: published\ndigest:\n  issue: "${digest.issue}"\n  entries:\n${entries}\n  errata: 0\n`,
        ),
      );
    }
    // Then the core's migration turns those in-file digests into archive records, as `jianbao archive` does.
    const migrated = await archiveLegacyIssues(out, { today: `${firstYear + options.years - 1}-12-31` });
    if (migrated.refused.length > 0)
      throw new Error(`generate: ${migrated.refused.length} issues could not be archived`);
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
    out: values.out,
    years: Number(values.years),
    issuesPerYear: Number(values['issues-per-year']),
    entriesPerIssue: Number(values['entries-per-issue']),
    pending: Number(values.pending),
    drafts: Number(values.drafts),
    seed: Number(values.seed),
    publish: values.publish,
  });
  console.log(
    `已生成 ${result.issues} 期、${result.entries} 篇稿件 → ${values.out}（用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）`,
  );
}
