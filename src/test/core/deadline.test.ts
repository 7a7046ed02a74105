import { strict as assert } from 'node:assert';
import { dueOf, isIsoDate, localToday, readDeadline, suggestDeadline } from '../../core/index';
import type { DeadlineReading } from '../../core/index';

/** Where a form was found: a file under docs/ of zhiyao87/Shanghai-Gov-Docs-Index. */
const SH = {
  sponge: '绿色低碳与节能/上海市嘉定区人民政府办公室关于转发《嘉定区系统化全域推进海绵城市建设的实施方案》的通知.md',
  spongeLetter: '绿色低碳与节能/关于开展2024年本市海绵城市建设工作的函.md',
  magnolia: '市容绿化与景观/上海市绿化和市容管理局关于下发《上海市花白玉兰推广应用三年行动计划（2024-2026年）》的通知.md',
  landUse: '规划与土地/上海市嘉定区人民政府关于印发《2026年嘉定区违法用地综合整治实施方案》的通知.md',
  transport: '工程建设管理/上海市交通委员会关于印发《上海市交通领域精细化管理三年行动计划(2024-2026年)》的通知.md',
  checkup: '城市更新与历史保护/上海市崇明区人民政府办公室关于印发2021年本区城市体检工作方案的通知.md',
  renewal: '城市更新与历史保护/关于印发《2026年上海市城市更新规划资源行动方案》的通知.md',
};

const date = (due: string): DeadlineReading => ({ kind: 'date', due });
const ONGOING: DeadlineReading = { kind: 'ongoing' };
const UNDATED: DeadlineReading = { kind: 'undated' };
const UNREADABLE: DeadlineReading = { kind: 'unreadable' };

describe('deadlines (完成时限)', () => {
  describe('forms found in Shanghai government plans', () => {
    const cases: [written: string, reading: DeadlineReading, source: string][] = [
      ['2026年底前', date('2026-12-31'), `${SH.sponge}: 2026年底前，完成2030年达标区域系统方案编制`],
      ['到2025年底', date('2025-12-31'), `${SH.sponge}: 嘉定区到2025年底，50平方公里以上…`],
      ['至2025年底', date('2025-12-31'), `${SH.sponge}: 至2025年底，嘉定区建设用地面积共计52.12平方公里…`],
      ['到2030年底', date('2030-12-31'), SH.sponge],
      ['至2026年底', date('2026-12-31'), `${SH.magnolia}: 至2026年底，完成“1+20+30+100”的任务`],
      ['2024年8月底前', date('2024-08-31'), SH.magnolia],
      ['2024年9月底前', date('2024-09-30'), SH.magnolia],
      ['2025年6月底前', date('2025-06-30'), SH.magnolia],
      ['2025年7月至2025年12月', date('2025-12-31'), `${SH.magnolia}: 2025年7月至2025年12月，实施本市新建改建绿地…`],
      ['2026年11月底前', date('2026-11-30'), SH.magnolia],
      ['2026年12月', date('2026-12-31'), `${SH.magnolia}: 2026年12月，各区对白玉兰应用推广工作进行总结分析`],
      ['2026年年底前', date('2026-12-31'), `${SH.landUse}: 原则上需在2026年年底前完成整治`],
      ['2027年底前', date('2027-12-31'), `${SH.landUse}: 可在2027年底前完成整治`],
      ['2026年3月底前', date('2026-03-31'), `${SH.landUse}: 2026年3月底前完成20％年度任务量`],
      ['2026年底', date('2026-12-31'), `${SH.transport}: 2026年底实现轨道交通站点50米范围内…`],
      ['至2026年', date('2026-12-31'), `${SH.transport}: 至2026年金山铁路全天开行列车38对`],
      ['2024-2026', UNREADABLE, `${SH.transport}: 重点任务（2024-2026）— a span needs 年 to be read`],
      ['2024-2026年', date('2026-12-31'), `${SH.transport}: 三年行动计划(2024-2026年)`],
      ['2021年8月', date('2021-08-31'), `${SH.checkup}: 建立工作机制（2021年8月）`],
      ['2021年12月', date('2021-12-31'), `${SH.checkup}: 体检成果应用（2021年12月）`],
      ['持续推进', ONGOING, `${SH.transport} / ${SH.renewal}: 持续推进。`],
      // Periods without a year: readable, no date.
      ['3月底前', UNDATED, `${SH.spongeLetter}: 于3月底前报送今年计划达标区域`],
      ['10月底前', UNDATED, SH.spongeLetter],
      ['11月30日前', UNDATED, `${SH.spongeLetter}: 3月25日、6月25日、9月25日、11月30日前上报`],
      ['10月15日前', UNDATED, `${SH.checkup}: 10月15日前，形成崇明区城市体检正式报告`],
      ['11月中旬前', UNDATED, `${SH.landUse}: 11月中旬前完成剩余20％的整治任务`],
      ['6月底前', UNDATED, SH.landUse],
    ];
    for (const [written, reading, source] of cases) {
      it(`reads ${written} (${source.split('/')[0]})`, () => assert.deepEqual(readDeadline(written), reading, source));
    }
  });

  describe('the forms of the design', () => {
    const cases: [string, DeadlineReading][] = [
      ['2025年底前', date('2025-12-31')],
      ['2025年底', date('2025-12-31')],
      ['2025年末', date('2025-12-31')],
      ['2025年年末', date('2025-12-31')],
      ['2026年6月', date('2026-06-30')],
      ['2026年6月底', date('2026-06-30')],
      ['2026年6月底前', date('2026-06-30')],
      ['2024年2月', date('2024-02-29')],
      ['2025年2月', date('2025-02-28')],
      ['2026年一季度', date('2026-03-31')],
      ['2026年第一季度', date('2026-03-31')],
      ['2026年二季度', date('2026-06-30')],
      ['2026年第三季度', date('2026-09-30')],
      ['2026年四季度', date('2026-12-31')],
      ['2026年上半年', date('2026-06-30')],
      ['2026年下半年', date('2026-12-31')],
      ['2027-12-31', date('2027-12-31')],
      // An ISO date in the words of a parenthesis: （…，2027-12-31前完成）.
      ['2027-12-31前', date('2027-12-31')],
      ['2027-12-31前完成', date('2027-12-31')],
      ['2027-02-30前', UNREADABLE],
      ['长期坚持', ONGOING],
      ['持续推进', ONGOING],
      ['长期', ONGOING],
      ['持续', ONGOING],
      ['一季度', UNDATED],
      ['第二季度', UNDATED],
      ['上半年', UNDATED],
      ['年底前', UNDATED],
    ];
    for (const [written, reading] of cases) it(`reads ${written}`, () => assert.deepEqual(readDeadline(written), reading));
  });

  describe('wordings around the date', () => {
    const cases: [string, DeadlineReading][] = [
      ['力争2025年底前完成', date('2025-12-31')],
      ['截至2025年底', date('2025-12-31')],
      ['于2026年6月底前', date('2026-06-30')],
      ['2025年内', date('2025-12-31')],
      ['2025年', date('2025-12-31')],
      ['2025年度', date('2025-12-31')],
      ['2026年3月上旬', date('2026-03-10')],
      ['2026年3月中旬', date('2026-03-20')],
      ['2026年3月下旬', date('2026-03-31')],
      ['2026年11月30日前', date('2026-11-30')],
      ['2024年2月29日', date('2024-02-29')],
      ['２０２５年底前', date('2025-12-31')],
      ['2025 年底前', date('2025-12-31')],
      ['二〇二五年十二月', date('2025-12-31')],
      ['2026年六月底前', date('2026-06-30')],
      ['2025年7月至12月', date('2025-12-31')],
      ['长期坚持推进', ONGOING],
      ['常态化推进', ONGOING],
    ];
    for (const [written, reading] of cases) it(`reads ${written}`, () => assert.deepEqual(readDeadline(written), reading));
  });

  describe('what it cannot read', () => {
    for (const written of ['', '  ', '尽快', '按国家部署推进', '2025年低前', '2025年13月', '2025年2月29日', '2027-02-30', '2027/12/31', '20255年底前', '1900年底前', '2025', 'end of 2025', '长期坚持，2025年底前']) {
      it(`does not read ${JSON.stringify(written)}`, () => assert.deepEqual(readDeadline(written), UNREADABLE));
    }
  });

  describe('suggestions: the nearest reading', () => {
    const cases: [string, string | undefined][] = [
      ['2025年低前', '2025年底前'],
      ['2025年抵前', '2025年底前'],
      ['2026年一李度', '2026年一季度'],
      ['长期坚特', '长期坚持'],
      ['持绪推进', '持续推进'],
      ['2027/12/31', '2027-12-31'],
      ['2027.6.30', '2027-06-30'],
      ['2027-6-30', '2027-06-30'],
      ['2024-2026', '2024-2026年'],
      ['2026年6月中', '2026年6月中旬'],
      ['2026年一季', '2026年一季度'],
      // Digits are never guessed: a wrong number would be a wrong date.
      ['2025年13月', undefined],
      ['2025年2月29日', undefined],
      ['尽快', undefined],
      ['按国家部署推进', undefined],
      // Nothing to suggest for what reads already.
      ['2025年底前', undefined],
      ['一季度', undefined],
    ];
    for (const [written, suggestion] of cases) it(`${written} → ${suggestion ?? 'nothing'}`, () => assert.equal(suggestDeadline(written), suggestion));
  });

  it('gives the due date the matrix carries: a date, "ongoing" or null', () => {
    assert.equal(dueOf('2025年底前'), '2025-12-31');
    assert.equal(dueOf('长期坚持'), 'ongoing');
    assert.equal(dueOf('一季度'), null);
    assert.equal(dueOf('2025年低前'), null);
    assert.equal(dueOf(undefined), null);
  });

  it('tells calendar dates written YYYY-MM-DD', () => {
    assert.ok(isIsoDate('2026-01-01'));
    assert.ok(isIsoDate('2024-02-29'));
    for (const text of ['2025-02-29', '2026-13-01', '2026-1-1', '20260101', '2026-01-01T00:00', 'today', '']) assert.ok(!isIsoDate(text), text);
  });

  it('gives the local date as YYYY-MM-DD', () => {
    assert.equal(localToday(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
    assert.ok(isIsoDate(localToday()));
  });
});
