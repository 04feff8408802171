/**
 * The one registry of rule ids: every problem jianbao reports (check, lint,
 * templates) names one of these, with its default severity and a short
 * Chinese title. `RuleId` is derived from it, so a misspelt id does not compile.
 * This module imports nothing: every other module may depend on it.
 */
export type Severity = 'error' | 'warning';

export interface RuleMeta {
  severity: Severity;
  /** Short Chinese title (the README's table, `lint --rules`, `lint --fix` summaries). */
  title: string;
  /** Lint rules: one Chinese sentence saying what the rule asks for. */
  description?: string;
}

export const RULES = {
  // check: files, encodings, front matter, YAML and schemas
  'check/timeout': { severity: 'error', title: '预览中的检查超时或出错' },
  'file/read': { severity: 'error', title: '文件无法读取' },
  'file/empty': { severity: 'error', title: '文件为空' },
  'file/binary': { severity: 'error', title: '不是文本文件' },
  'file/missing': { severity: 'error', title: '缺少必需的设置文件' },
  'file/outside': { severity: 'error', title: '链接指向内容目录之外' },
  'encoding/not-utf8': { severity: 'error', title: '文件不是 UTF-8 编码' },
  'encoding/unknown': { severity: 'error', title: '无法识别文件编码' },
  'encoding/bom': { severity: 'warning', title: '文件开头有 BOM' },
  'encoding/crlf': { severity: 'warning', title: 'Windows 换行符（CRLF）' },
  'markdown/too-deep': { severity: 'error', title: '正文嵌套过深或过长' },
  'frontmatter/missing': { severity: 'error', title: '缺少前置信息' },
  'frontmatter/unclosed': { severity: 'error', title: '前置信息没有结束行' },
  'yaml/syntax': { severity: 'error', title: 'YAML 语法错误' },
  'yaml/tab': { severity: 'error', title: 'YAML 中使用了制表符' },
  'yaml/fullwidth-colon': { severity: 'error', title: '键名后使用了全角冒号' },
  'yaml/too-deep': { severity: 'error', title: 'YAML 嵌套过深' },
  'yaml/duplicate-key': { severity: 'error', title: '重复的键' },
  'schema/unknown-key': { severity: 'error', title: '未知的键' },
  'schema/duplicate-key': { severity: 'error', title: '同一个键写了两次（中英文各一次）' },
  'schema/required': { severity: 'error', title: '缺少必填项' },
  'schema/invalid': { severity: 'error', title: '取值无效' },
  'entry/title-required': { severity: 'error', title: '稿件缺少标题' },
  'entry/people-required': { severity: 'error', title: '调研指导稿件缺少领导' },
  'entry/unknown-unit': { severity: 'error', title: '未知的报送单位' },
  'entry/unit-renamed': { severity: 'error', title: '报送单位在稿件日期已改名' },
  'entry/unit-inactive': { severity: 'error', title: '报送单位在稿件日期尚未成立或已撤销' },
  'entry/unit-repeated': { severity: 'warning', title: '联合报送的单位写了两次' },
  'entry/unknown-person': { severity: 'error', title: '未知的领导' },
  'entry/person-no-title': { severity: 'warning', title: '领导在该日期没有职务' },
  'entry/unknown-series': { severity: 'error', title: '未知的刊物' },
  'entry/series-required': { severity: 'error', title: '有多个刊物时稿件需写明刊物' },
  'entry/section-not-in-series': { severity: 'error', title: '栏目不属于该刊物' },
  'entry/duplicate-id': { severity: 'error', title: '两个稿件文件名只是 Unicode 写法不同' },
  'entry/pending': { severity: 'warning', title: '待编稿件尚未编入任何一期' },
  'entry/unedited': { severity: 'warning', title: '稿件正文为空或只有模板的开头（不能发布）' },
  'entry/in-several-issues': { severity: 'error', title: '稿件被编入多期' },
  'entry/image-missing': { severity: 'error', title: '图片不存在或不在内容目录中' },
  'entry/image-type': { severity: 'error', title: '图片格式不支持（只支持 PNG、JPEG、GIF、WebP）' },
  'entry/image-remote': { severity: 'warning', title: '外网图片不会显示' },
  'entry/image-large': { severity: 'warning', title: '图片超过 5 MB' },
  'issue/unknown-series': { severity: 'error', title: '未知的刊物' },
  'issue/series-required': { severity: 'error', title: '有多个刊物时期刊需写明刊物' },
  'issue/number-duplicate': { severity: 'error', title: '期号重复' },
  'issue/number-gap': { severity: 'error', title: '期号不连续' },
  'issue/number-start': { severity: 'error', title: '年度首期期号不对' },
  'issue/total-sequence': { severity: 'error', title: '总期号不连续' },
  'issue/supplement-total': { severity: 'error', title: '增刊写了总期号（增刊不计入总期号）' },
  'issue/date-out-of-year': { severity: 'error', title: '印发日期不在年度内' },
  'issue/date-order': { severity: 'error', title: '印发日期先于上一期' },
  'issue/entry-missing': { severity: 'error', title: '期刊列出的稿件不存在' },
  'issue/entry-not-ready': { severity: 'error', title: '期刊列出了草稿或撤稿' },
  'issue/entry-listed-twice': { severity: 'error', title: '同一期重复列出稿件' },
  'issue/entry-after-issue': { severity: 'error', title: '稿件日期晚于印发日期' },
  'issue/entry-series': { severity: 'error', title: '稿件属于另一个刊物' },
  'issue/entry-title-required': { severity: 'error', title: '文章版式的稿件需要标题' },
  'issue/unknown-recipient': { severity: 'warning', title: '未知的发送对象' },
  'issue/frozen-changed': { severity: 'error', title: '已发布的期刊被修改' },
  'issue/digest-missing': { severity: 'error', title: '已发布的期刊没有摘要' },
  'issue/errata-pending': { severity: 'warning', title: '已按勘误修改，尚未重新冻结' },
  'archive/issue-missing': { severity: 'error', title: '已发布的期刊文件被删除' },
  'archive/key-changed': { severity: 'error', title: '已发布期刊的刊物、年份或期号被改动' },
  'archive/status-changed': { severity: 'error', title: '已发布的期刊被改回草稿' },
  'archive/snapshot-missing': { severity: 'error', title: '期刊存档不见了' },
  'archive/snapshot-altered': { severity: 'error', title: '期刊存档被改动' },
  'archive/ledger-missing': { severity: 'error', title: '存档台账不见了' },
  'archive/ledger-invalid': { severity: 'error', title: '存档台账已损坏' },
  'archive/unlisted-snapshot': { severity: 'error', title: '存档不在台账中' },
  'archive/not-archived': { severity: 'warning', title: '已发布的期刊尚未存档（旧格式）' },
  'archive/entry-deleted': { severity: 'warning', title: '已发布期刊的稿件文件被删除（存档中保留原文）' },
  'settings/duplicate-id': { severity: 'error', title: '编号重复' },
  'settings/reserved-id': { severity: 'error', title: '刊物 id 与站点目录重名' },
  'settings/duplicate-name': { severity: 'error', title: '名称或别名重复' },
  'settings/unknown-person': { severity: 'error', title: '分组中有未知的领导' },
  'settings/unknown-unit': { severity: 'error', title: '并入的单位不在 units.yaml 中' },
  // templates of `jianbao new`
  'template/front-matter': { severity: 'error', title: '模板缺少前置信息或前置信息没有结束' },
  'template/unknown-placeholder': { severity: 'error', title: '模板中有未知的占位符' },
  'template/invalid': { severity: 'error', title: '按模板生成的内容通不过检查' },
  // lint: entry bodies (GB/T 15834, GB/T 15835); in priority order, see text/rules/index.ts
  'lint/invisible-characters': {
    severity: 'error',
    title: '不可见字符',
    description: '删除零宽空格、零宽连接符、BOM、软连字符等不可见字符。',
  },
  'lint/conversion-debris': {
    severity: 'error',
    title: '转换残留',
    description: '删除 [bookmark: …]、[hyperlink: …] 标记和丢失空格留下的“?”；“�”表示文字已丢失，需对照原件补正。',
  },
  'lint/pinyin-annotations': {
    severity: 'error',
    title: '正文中夹注拼音',
    description: '删除汉字后面括注的拼音，如“開(kāi)”；只删确实是该字读音的拼音。',
  },
  'lint/traditional': {
    severity: 'warning',
    title: '简体文本中有繁体字',
    description: '简体中文稿件中的繁体字转为简体（OpenCC）。',
  },
  'lint/fullwidth-alphanumerics': {
    severity: 'error',
    title: '全角数字或字母',
    description: '数字和拉丁字母用半角：２０２３ → 2023。',
  },
  'lint/date-format': {
    severity: 'error',
    title: '日期写法不规范',
    description: '正文日期写作“2023年8月30日”：不写“2023.8.30”“23年”“08月”。',
  },
  'lint/ellipsis-dash': {
    severity: 'error',
    title: '省略号、破折号形式不对',
    description:
      '省略号写作“……”（两个“…”），破折号写作“——”（两个“—”）；时间、数值的起止用一字线“—”（12月12日—18日），不改。',
  },
  'lint/serial-numbers': {
    severity: 'error',
    title: '序号格式不对',
    description: '序号依次写作“一、”“（一）”“1.”“（1）”；不写“一.”“（一）、”“1、”。',
  },
  'lint/quotes': {
    severity: 'error',
    title: '引号不规范',
    description: '中文用弯引号“”，引号内再用‘’；直引号 " \' 和直角引号「」『』改为弯引号。',
  },
  'lint/fullwidth-punctuation': {
    severity: 'error',
    title: '中文中使用了半角标点',
    description: '中文句子中的逗号、句号、分号、冒号、问号、叹号和括号用全角（，。；：？！（））。',
  },
  'lint/spaces': {
    severity: 'error',
    title: '多余的空格',
    description:
      '汉字之间、汉字与数字之间、全角标点前后不加空格；行内不用全角空格和不间断空格；标题中并列的词组之间用一个全角空格。',
  },
  'lint/trailing-spaces': {
    severity: 'warning',
    title: '行尾空格',
    description: '行尾不留空格（看不见，常是从 Word 或网页带来的）；行尾两个空格在 Markdown 中表示换行，不需要时删去。',
  },
  'lint/repeated-punctuation': {
    severity: 'error',
    title: '标点重复或冲突',
    description:
      '同一位置只用一个点号：不写“。。”“，，”“，。”（逗号后紧跟另一个点号时保留后一个）；“？？？”“！！！”“？！”可以用。',
  },
  'lint/book-title-dunhao': {
    severity: 'error',
    title: '书名号之间多了顿号',
    description: '并列的书名号之间不用顿号：《安全生产法》《消防法》。',
  },
  'lint/unbalanced-pairs': {
    severity: 'warning',
    title: '成对标点不配对',
    description: '引号、书名号、括号、方头括号在同一段内成对出现。',
  },
  'lint/date-damaged': {
    severity: 'warning',
    title: '日期可能已损坏',
    description: '“123日”“62日”（丢了“月”）、“2月30日”这样不存在的日期要对照原件改正。',
  },
  'lint/date-mismatch': {
    severity: 'warning',
    title: '正文日期与稿件日期不一致',
    description: '正文第一句写的日期应与前置信息中的 日期 一致。',
  },
  'lint/leader-titles': {
    severity: 'warning',
    title: '领导职务与日期不符',
    description: '正文中领导姓名前后的职务，应是 people.yaml 中该领导在稿件日期当天的职务。',
  },
} as const satisfies Record<string, RuleMeta>;

export type RuleId = keyof typeof RULES;
export type LintRuleId = Extract<RuleId, `lint/${string}`>;
export type TemplateRuleId = Extract<RuleId, `template/${string}`>;
