/**
 * One block of cases per lint rule: where it must fire (and what its fix
 * makes of the text), and where it must stay silent — correct official
 * text, URLs, code, times, decimals, Latin text.
 */
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../src/core/registry.ts';
import { fixBody, lintBody } from '../../../src/core/text/lint.ts';
import type { LintContext } from '../../../src/core/text/rule.ts';
import { RULES } from '../../../src/core/rules.ts';
import { LINT_RULES } from '../../../src/core/text/rules/index.ts';

const registry = buildRegistry({
  site: undefined,
  units: [],
  recipients: { groups: {}, names: [] },
  people: [
    {
      name: '孙立',
      rank: 1,
      titles: [
        { title: '区委副书记、区长', from: '2021-06-01', to: '2024-09-30' },
        { title: '区人大常委会主任', from: '2024-10-01' },
      ],
    },
    {
      name: '黄志远',
      rank: 2,
      titles: [
        { title: '区委常委、常务副区长', from: '2021-09-01', to: '2024-09-30' },
        { title: '区委副书记、区长', from: '2024-10-01' },
      ],
    },
  ],
});
const context: LintContext = { date: '2024-08-22', registry };

/** [input, text after --fix of this rule alone, or null when the rule has no safe fix here]. */
type Fires = [string, string | null][];

const CASES: Record<string, { fires: Fires; silent: string[] }> = {
  'lint/fullwidth-punctuation': {
    fires: [
      ['会议要求,各单位认真落实.', '会议要求，各单位认真落实。'],
      ['时间:8:30;地点:区政府三楼会议室!', '时间：8:30；地点：区政府三楼会议室！'],
      ['是否落实到位?', '是否落实到位？'],
      ['一氧化碳(CO)中毒', '一氧化碳（CO）中毒'],
      ['(1)落实责任', '（1）落实责任'],
      ['电话:0734-0000000.请准时参加', '电话：0734-0000000。请准时参加'],
      ['使用APP,方便群众', '使用APP，方便群众'],
    ],
    silent: [
      '会议要求，各单位认真落实。',
      '降雨量达3.5毫米，8:30开始。',
      '详见 https://example.gov.cn/a,b?x=1 通知。',
      '引用英文 Hello, world. 不改。',
      '1.加强组织领导',
      '代码 `a,b;c` 不改。',
      '共计1,000,000元。',
      'Use f(x), not g(y).',
    ],
  },
  'lint/quotes': {
    fires: [
      ['开展"安全生产月"活动', '开展“安全生产月”活动'],
      ["落实'两个责任'要求", '落实‘两个责任’要求'],
      ['「九小」场所', '“九小”场所'],
      ['他说"好', null],
    ],
    silent: ['开展“安全生产月”活动', "It's fine in English.", 'say "hello" in English'],
  },
  'lint/repeated-punctuation': {
    fires: [
      ['检查完毕。。', '检查完毕。'],
      ['企业，，商户', '企业，商户'],
      ['学校、、医院', '学校、医院'],
      ['企业,，商户', '企业，商户'],
      ['发现问题，。', '发现问题。'],
      ['全省，、全市', '全省、全市'],
      ['会议要求，；各单位', '会议要求；各单位'],
      ['发现问题。，', null],
      ['发现问题、，', null],
    ],
    silent: ['真的吗？？？', '太好了！！！', '怎么会这样？！', '发现问题。', '数量为1,000。'],
  },
  'lint/unbalanced-pairs': {
    fires: [
      ['开展“安全生产月活动', null],
      ['学习《安全生产法', null],
      ['各镇（街道负责', null],
      ['【重要】提示】', null],
      ['他说‘好', null],
    ],
    silent: ['开展“安全生产月”活动，学习《安全生产法》，各镇（街道）【重要】', 'it’s English'],
  },
  'lint/spaces': {
    fires: [
      ['会议 要求', '会议要求'],
      ['共检查 3 家企业', '共检查3家企业'],
      ['会议要求， 各单位', '会议要求，各单位'],
      ['　　会议指出', '会议指出'],
      ['李　健同志', '李健同志'],
      ['Safety\u00a0First 活动', 'Safety First 活动'],
      ['扎实部署 压实责任', '扎实部署\u3000压实责任'],
      ['## 政府督查  企业自查', '## 政府督查\u3000企业自查'],
    ],
    silent: [
      '扎实部署\u3000压实责任',
      '会议要求各单位共检查3家企业。',
      'Safety First 活动',
      '使用 APP 上报',
      '见 `code` 说明',
      // The space ends the web address: without it 安排 would join the link.
      '详见https://example.gov.cn/a。 安排如下',
      '网址www.example.gov.cn 已开通',
    ],
  },
  'lint/trailing-spaces': {
    fires: [
      ['会议要求。 \n各单位落实。', '会议要求。\n各单位落实。'],
      ['会议要求。\t', '会议要求。'],
      ['会议要求  \n各单位落实。', null],
    ],
    silent: ['会议要求。\n各单位落实。', '```\ncode  \n```', '会议要求。\n\n  \n各单位落实。'],
  },
  'lint/invisible-characters': {
    fires: [
      ['会议\u200b要求', '会议要求'],
      ['安全\ufeff生产', '安全生产'],
    ],
    silent: ['会议要求'],
  },
  'lint/date-damaged': {
    fires: [
      ['会议于123日召开', null],
      ['62日，青石镇开展检查', null],
      ['2月30日召开会议', null],
      ['2023年2月29日召开会议', null],
      ['13月5日召开会议', null],
      ['131，由镇长带队开展检查', null],
    ],
    silent: [
      '8月22日召开会议',
      '共出动120人，检查企业8家。',
      '2000，是一个年份',
      '2024年2月29日召开会议',
      '开展100日攻坚行动',
      '第123日',
      '会期3日',
      '共计1,123日',
    ],
  },
  'lint/ellipsis-dash': {
    fires: [
      ['开展排查......发现隐患', '开展排查……发现隐患'],
      ['开展排查。。。发现隐患', '开展排查……发现隐患'],
      ['等等…', '等等……'],
      ['发现隐患--立即整改', '发现隐患——立即整改'],
      ['发现隐患—立即整改', '发现隐患——立即整改'],
    ],
    silent: [
      '开展排查……发现隐患——立即整改',
      '8-9月',
      'wait... what',
      'a--b',
      '12月12日—18日，开展检查。',
      '2024—2025年',
      '第3—5条',
    ],
  },
  'lint/fullwidth-alphanumerics': {
    fires: [
      ['检查２０２３家企业', '检查2023家企业'],
      ['整改率９８．５％', '整改率98.5%'],
      ['使用ＡＰＰ上报', '使用APP上报'],
    ],
    silent: ['检查2023家企业，整改率98.5%'],
  },
  'lint/serial-numbers': {
    fires: [
      ['一.总体要求', '一、总体要求'],
      ['一．总体要求', '一、总体要求'],
      ['（一）、工作目标', '（一）工作目标'],
      ['1、加强领导', '1.加强领导'],
      ['（1）、落实责任', '（1）落实责任'],
      ['1)落实责任', '（1）落实责任'],
    ],
    silent: [
      '一、总体要求',
      '（一）工作目标',
      '1.加强领导',
      '（1）落实责任',
      '1、2月份全区无事故。',
      '10月1日起施行。',
    ],
  },
  'lint/book-title-dunhao': {
    fires: [['学习《安全生产法》、《消防法》', '学习《安全生产法》《消防法》']],
    silent: ['学习《安全生产法》《消防法》', '“三合一”、“九小”场所'],
  },
  'lint/date-format': {
    fires: [
      ['于2023.8.30召开', '于2023年8月30日召开'],
      ['于2023-08-30召开', '于2023年8月30日召开'],
      ['于2023/8/30召开', '于2023年8月30日召开'],
      ['23年8月以来', '2023年8月以来'],
      ['2023年08月05日', '2023年8月5日'],
      ['8月30号召开', '8月30日召开'],
    ],
    silent: [
      '2023年8月30日召开',
      '版本 1.2.3 发布',
      '降雨3.5毫米',
      '工作23年',
      '近10年来',
      '2023.13.40',
      '详见 https://example.gov.cn/2023/08/30/a.html',
    ],
  },
  'lint/date-mismatch': {
    fires: [
      ['8月21日，区应急管理局开展检查。', null],
      ['2023年8月22日，区应急管理局开展检查。', null],
    ],
    silent: [
      '8月22日，区应急管理局开展检查。',
      '8月21日至23日，开展检查。',
      '一、8月22日，开展检查。',
      '近日，区应急管理局开展检查，要求于9月10日前完成整改。',
      '区应急管理局开展检查。',
    ],
  },
  'lint/leader-titles': {
    fires: [
      ['区长黄志远带队检查。', null],
      ['区委副书记、区长孙立带队，副区长黄志远参加。', null],
      ['区人大常委会主任孙立带队检查。', null],
      ['黄志远区长带队检查。', null],
    ],
    silent: [
      '区委副书记、区长孙立带队检查。',
      '区委常委、常务副区长黄志远带队检查。',
      '常务副区长黄志远带队检查。',
      '孙立同志带队检查。',
      '孙立带队检查。',
    ],
  },
  'lint/traditional': {
    fires: [
      ['區應急管理局開展檢查', '区应急管理局开展检查'],
      ['會議要求', '会议要求'],
    ],
    silent: ['区应急管理局开展检查', '乾坤', '著名'],
  },
  'lint/conversion-debris': {
    fires: [
      ['[bookmark: _Toc12345]会议要求', '会议要求'],
      ['会议要求[hyperlink: http://example.com/a]各单位', '会议要求各单位'],
      ['会议??要求', '会议要求'],
      ['?全区开展检查', '全区开展检查'],
      ['落实�责任', null],
    ],
    silent: ['是否落实到位？', '是否落实到位?', '[链接](http://example.com)', 'What? Yes.'],
  },
  'lint/pinyin-annotations': {
    fires: [
      ['開(kāi)會', '開會'],
      ['开（kāi）会', '开会'],
      ['安全(ānquán)生产', '安全生产'],
      ['安全(ān quán)生产', '安全生产'],
      ['行(xíng)动', '行动'],
      ['行(hang)业', '行业'],
    ],
    silent: ['开(kǎi)会', '一氧化碳(CO)中毒', '开(kai3)会', '单位(team)名称', '省略号(...)'],
  },
};

describe('lint rules', () => {
  it('has a case block for every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(LINT_RULES.map((rule) => rule.id).sort());
  });

  it('implements every lint rule of the registry, and takes title and severity from it', () => {
    const registered = Object.keys(RULES).filter((id) => id.startsWith('lint/'));
    expect(LINT_RULES.map((rule) => rule.id)).toEqual(registered);
    for (const rule of LINT_RULES) expect(rule).toMatchObject(RULES[rule.id]);
  });

  for (const [id, { fires, silent }] of Object.entries(CASES)) {
    describe(id, () => {
      for (const [input, fixed] of fires) {
        it(`fires on ${JSON.stringify(input)}`, () => {
          const findings = lintBody(input, context, { rules: [id] });
          expect(findings.map((finding) => finding.rule)).toContain(id);
          for (const finding of findings) expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
          const result = fixBody(input, context, { rules: [id] });
          if (fixed === null) {
            expect(findings.every((finding) => !finding.edits)).toBe(true);
            expect(result.text).toBe(input);
          } else expect(result.text).toBe(fixed);
        });
      }
      for (const input of silent) {
        it(`is silent on ${JSON.stringify(input)}`, () => {
          expect(lintBody(input, context, { rules: [id] })).toEqual([]);
        });
      }
    });
  }
});

describe('the whole rule set', () => {
  it('finds nothing in correct official text, code, links and tables', () => {
    const body = [
      '8月22日，区委副书记、区长孙立带队到白沙镇检查非煤矿山安全生产工作。要求企业落实主体责任，严格边坡管理和爆破作业管控；属地和行业部门加强日常监管，发现问题及时督促整改到位。',
      '',
      '一、总体要求',
      '',
      '（一）工作目标。全年检查企业1,200家，整改率达到98.5%，8:30前报送。',
      '',
      '1.加强组织领导。学习《安全生产法》《消防法》，开展“安全生产月”活动……',
      '',
      '- 咨询电话：0734-0000000，邮箱：aqb@example.gov.cn',
      '- 详见 <https://example.gov.cn/notice?id=1,2> 和[《通知》](http://example.gov.cn/a.html)',
      '',
      '```',
      'code, with; half-width: punctuation.',
      '```',
      '',
      '| 单位 | 数量 |',
      '| --- | --- |',
      '| 白沙镇 | 3.5 |',
      '',
      'Version v2.1.0 of the English manual says: "Hello, world."',
    ].join('\n');
    expect(lintBody(body, context)).toEqual([]);
    expect(fixBody(body, context).text).toBe(body);
  });

  it('reports body positions that map to the right characters', () => {
    const body = '第一段。\n\n会议要求,各单位';
    const [finding] = lintBody(body, context);
    expect(body.slice(finding!.start, finding!.end)).toBe(',');
  });

  it('never fixes inside inline code, code blocks or link destinations; link text is prose', () => {
    const body = '见`a,b`和[链接,文字](http://x.cn/a,b)。\n\n```\n中文,代码.\n```';
    expect(fixBody(body, context).text).toBe('见`a,b`和[链接，文字](http://x.cn/a,b)。\n\n```\n中文,代码.\n```');
  });

  it('fixes across several rules until stable', () => {
    const input = '　　23年8月5日,区应急局开展"安全生产月"活动 ,检查企业２０家。。';
    const once = fixBody(input, { date: '2023-08-05' });
    expect(once.text).toBe('2023年8月5日，区应急局开展“安全生产月”活动，检查企业20家。');
    expect(fixBody(once.text, { date: '2023-08-05' }).text).toBe(once.text);
  });

  it('keeps emphasis intact when a fix would break it', () => {
    // Removing the space would glue ** to a closing quote and a Han character.
    const body = '**“重点”** 工作，*强调* 内容';
    const result = fixBody(body, context);
    expect(result.text).toContain('**“重点”**');
  });

  it('gives the likely reading of a damaged date, preferring the entry month', () => {
    const messages = (body: string, date: string) =>
      lintBody(body, { date }, { rules: ['lint/date-damaged'] }).map((finding) => finding.message);
    expect(messages('会议于123日召开。', '2024-01-25')).toEqual(['日期“123日”不存在，可能丢了“月”：是不是“1月23日”？']);
    expect(messages('会议于123日召开。', '2024-12-05')).toEqual(['日期“123日”不存在，可能丢了“月”：是不是“12月3日”？']);
    expect(messages('会议于123日召开。', '2024-05-05')).toEqual([
      '日期“123日”不存在，可能丢了“月”：是不是“1月23日”或“12月3日”？',
    ]);
    expect(messages('62日，开展检查。', '2024-06-05')).toEqual(['日期“62日”不存在，可能丢了“月”：是不是“6月2日”？']);
    expect(messages('检查结束。131，镇长带队复查。', '2024-02-01')).toEqual([
      '日期“131”缺了“月”“日”：是不是“1月31日”？',
    ]);
  });
});
