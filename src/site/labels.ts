/** The wording of the statistics pages (信息采用情况), in one place: the overview, each year's page and the home page's links to them. */

export const statsText = {
  title: '信息采用情况统计',
  yearTitle: (year: number) => `${year}年信息采用情况`,
  overviewLead: (total: number, issues: number, first: number, last: number) =>
    `${first === last ? `${first}年` : `${first}年至${last}年`}印发的 ${issues} 期共采用稿件 ${total} 篇，按报送单位、栏目和印发月份统计。草稿不计入。`,
  yearLead: (year: number, total: number, issues: number) =>
    `${year}年印发的 ${issues} 期共采用稿件 ${total} 篇，按报送单位、栏目和印发月份统计。草稿不计入。`,
  none: '还没有采用任何稿件。',
  /** The list of year pages. */
  years: '按年度查看',
  yearLink: (year: number) => `${year}年`,
  overviewLink: '全部年度',
  /** The home page's link under each year of the archive. */
  archiveLink: (year: number) => `${year}年信息采用情况`,
  yearBars: '图1　各年采用稿件数',
  monthBars: '图1　各月采用稿件数',
  yearHeat: '图2　各年各月采用稿件数（篇，颜色越深越多）',
  unitHeat: '图2　各单位各月采用稿件数（篇，颜色越深越多）',
  unitsByYear: '各单位各年采用稿件数（篇）',
  units: '各单位采用稿件数（篇）',
  sections: '各栏目采用稿件数（篇）',
  issues: '各期采用稿件数（篇）',
  unit: '报送单位',
  section: '栏目',
  series: '刊物',
  issue: '期号',
  date: '印发日期',
  count: '篇数',
  year: '年份',
  total: '合计',
  /** A month column: the number shows, the screen reader hears 3月. */
  month: (month: number) => ({ shown: String(month), hidden: '月' }),
  yearRow: (year: number) => `${year}年`,
  yearSuffix: '年',
  monthRow: (month: number) => `${month}月`,
} as const;
