// parseResponsibility over every convention of writing who is responsible for a measure, one
// table row per wording: lead rules (with and without 下同), by-function wordings, labelled
// fields, verbs, separators, collectives, nested parentheses, and parentheses that are no list.
import { strict as assert } from 'node:assert';
import { importGuideline } from '../../core/import/importer';
import { LEAD_RULE, looksLikeAgency, parseResponsibility, splitTopLevel } from '../../core/import/responsibility';
import type { ResponsibilityList } from '../../core/import/responsibility';

type Expected = Partial<ResponsibilityList> & { agencies: string[] };

/** A list with every flag off unless the row says otherwise. */
function list(expected: Expected): ResponsibilityList {
  return { explicitLead: false, byFunction: false, statesLeadRule: false, ditto: false, unparsed: [], ...expected, leadCount: expected.leadCount ?? (expected.explicitLead ? 1 : 0) };
}

interface Row {
  contents: string;
  expected: ResponsibilityList | undefined;
}

const AB = ['省科技厅', '省发展改革委'];

const LEAD_RULES = ['排名第一的为牵头单位', '列第一位者为牵头单位', '排在第一位的部门为牵头部门', '第一个单位为牵头单位', '排在首位的为牵头单位'];

const TABLE: Record<string, Row[]> = {
  'lead rules': LEAD_RULES.flatMap((rule): Row[] => [
    { contents: `省科技厅、省发展改革委，${rule}，下同`, expected: list({ agencies: AB, statesLeadRule: true, ditto: true }) },
    { contents: `省科技厅、省发展改革委，${rule}`, expected: list({ agencies: AB, statesLeadRule: true }) },
    { contents: `省科技厅、省发展改革委，${rule}下同`, expected: list({ agencies: AB, statesLeadRule: true, ditto: true }) },
    { contents: `省科技厅、省发展改革委，${rule}。`, expected: list({ agencies: AB, statesLeadRule: true }) },
  ]),
  'lead rule punctuation': [
    { contents: '省科技厅、省发展改革委，排名第一的为牵头单位；下同', expected: list({ agencies: AB, statesLeadRule: true, ditto: true }) },
    { contents: '省科技厅、省发展改革委，排名第一的为牵头单位，下同。', expected: list({ agencies: AB, statesLeadRule: true, ditto: true }) },
    { contents: '省科技厅、省发展改革委,排名第一的为牵头单位,以下同', expected: list({ agencies: AB, statesLeadRule: true, ditto: true }) },
    { contents: '排名第一的为牵头单位，下同', expected: list({ agencies: [], statesLeadRule: true, ditto: true }) },
  ],
  'by function': ['根据职能分工各自负责', '按职责分工负责', '分别负责', '各负其责', '按照职责分工落实', '根据职责分工负责'].flatMap((wording): Row[] => [
    { contents: `省发展改革委、省经信厅，${wording}`, expected: list({ agencies: ['省发展改革委', '省经信厅'], byFunction: true }) },
    { contents: `省发展改革委、省经信厅${wording}`, expected: list({ agencies: ['省发展改革委', '省经信厅'], byFunction: true }) },
  ]),
  'by function with 下同': [{ contents: '省发展改革委、省经信厅，根据职能分工各自负责，下同', expected: list({ agencies: ['省发展改革委', '省经信厅'], byFunction: true, ditto: true }) }],
  'labelled fields': [
    { contents: '牵头单位：省科技厅；配合单位：省财政厅、省教育厅', expected: list({ agencies: ['省科技厅', '省财政厅', '省教育厅'], explicitLead: true }) },
    { contents: '牵头单位:省科技厅;配合单位:省财政厅、省教育厅', expected: list({ agencies: ['省科技厅', '省财政厅', '省教育厅'], explicitLead: true }) },
    { contents: '牵头单位: 省科技厅; 配合单位: 省财政厅', expected: list({ agencies: ['省科技厅', '省财政厅'], explicitLead: true }) },
    { contents: '牵头单位：省科技厅，配合单位：省财政厅', expected: list({ agencies: ['省科技厅', '省财政厅'], explicitLead: true }) },
    { contents: '配合单位：省财政厅；牵头单位：省科技厅', expected: list({ agencies: ['省科技厅', '省财政厅'], explicitLead: true }) },
    // Two agencies named as leading: no single lead (joint), which leadCount tells.
    { contents: '牵头单位：省科技厅、省经信厅；配合单位：省财政厅', expected: list({ agencies: ['省科技厅', '省经信厅', '省财政厅'], explicitLead: true, leadCount: 2 }) },
    { contents: '责任单位：省科技厅、省财政厅', expected: list({ agencies: ['省科技厅', '省财政厅'] }) },
    { contents: '责任部门：省科技厅', expected: list({ agencies: ['省科技厅'] }) },
    { contents: '牵头部门：省科技厅', expected: list({ agencies: ['省科技厅'], explicitLead: true }) },
    { contents: '牵头单位：省科技厅', expected: list({ agencies: ['省科技厅'], explicitLead: true }) },
    { contents: '牵头单位：省科技厅；配合单位：省财政厅、省教育厅；完成时限：2025年底', expected: list({ agencies: ['省科技厅', '省财政厅', '省教育厅'], explicitLead: true, deadline: '2025年底' }) },
  ],
  verbs: [
    { contents: '省科技厅牵头，省财政厅、省教育厅配合', expected: list({ agencies: ['省科技厅', '省财政厅', '省教育厅'], explicitLead: true }) },
    { contents: '由省科技厅牵头，省财政厅、省教育厅配合', expected: list({ agencies: ['省科技厅', '省财政厅', '省教育厅'], explicitLead: true }) },
    { contents: '由省科技厅牵头', expected: list({ agencies: ['省科技厅'], explicitLead: true }) },
    { contents: '省科技厅牵头负责', expected: list({ agencies: ['省科技厅'], explicitLead: true }) },
    { contents: '省财政厅、省教育厅配合，省科技厅牵头', expected: list({ agencies: ['省科技厅', '省财政厅', '省教育厅'], explicitLead: true }) },
    { contents: '省科技厅牵头，省经信厅参与', expected: list({ agencies: ['省科技厅', '省经信厅'], explicitLead: true }) },
    { contents: '省科技厅牵头，各设区市政府配合', expected: list({ agencies: ['省科技厅', '各设区市政府'], explicitLead: true }) },
    { contents: '省科技厅牵头，省财政厅、省教育厅配合，下同', expected: list({ agencies: ['省科技厅', '省财政厅', '省教育厅'], explicitLead: true, ditto: true }) },
    // The explicit 牵头 wins over the by-function wording of the others.
    { contents: '省科技厅牵头，省财政厅、省教育厅按职责分工负责', expected: list({ agencies: ['省科技厅', '省财政厅', '省教育厅'], explicitLead: true }) },
    { contents: '省科技厅牵头，省经信厅、省财政厅根据职能分工各自负责', expected: list({ agencies: ['省科技厅', '省经信厅', '省财政厅'], explicitLead: true }) },
    { contents: '省科技厅、省经信厅负责', expected: list({ agencies: ['省科技厅', '省经信厅'] }) },
    { contents: '省科技厅、省经信厅共同负责', expected: list({ agencies: ['省科技厅', '省经信厅'] }) },
  ],
  separators: [
    { contents: '省科技厅，省财政厅，省教育厅', expected: list({ agencies: ['省科技厅', '省财政厅', '省教育厅'] }) },
    { contents: '省科技厅,省财政厅, 省教育厅', expected: list({ agencies: ['省科技厅', '省财政厅', '省教育厅'] }) },
    { contents: '省科技厅、省财政厅,省教育厅；省经信厅', expected: list({ agencies: ['省科技厅', '省财政厅', '省教育厅', '省经信厅'] }) },
    { contents: ' 省科技厅 、 省财政厅 ', expected: list({ agencies: ['省科技厅', '省财政厅'] }) },
    { contents: '省科技厅/省财政厅', expected: list({ agencies: ['省科技厅', '省财政厅'] }) },
  ],
  'collective actors': [
    { contents: '省发展改革委、省经信厅等有关部门负责', expected: list({ agencies: ['省发展改革委', '省经信厅', '有关部门'] }) },
    { contents: '省发展改革委、省经信厅等相关单位', expected: list({ agencies: ['省发展改革委', '省经信厅', '相关单位'] }) },
    { contents: '省科技厅、省经信厅、各设区市政府等有关部门和单位负责', expected: list({ agencies: ['省科技厅', '省经信厅', '各设区市政府', '有关部门和单位'] }) },
    { contents: '省科技厅、省经信厅等', expected: list({ agencies: ['省科技厅', '省经信厅'] }) },
    { contents: '各设区市政府负责', expected: list({ agencies: ['各设区市政府'] }) },
    { contents: '有关部门和单位', expected: list({ agencies: ['有关部门和单位'] }) },
    { contents: '省数字经济领导小组各成员单位', expected: list({ agencies: ['省数字经济领导小组各成员单位'] }) },
  ],
  'nested parentheses': [
    { contents: '各县（市、区）政府、省经信厅', expected: list({ agencies: ['各县（市、区）政府', '省经信厅'] }) },
    { contents: '省经信厅、各县（市、区）政府，排名第一的为牵头单位', expected: list({ agencies: ['省经信厅', '各县（市、区）政府'], statesLeadRule: true }) },
  ],
  'agencies of other kinds': [
    { contents: '之江实验室、省科技厅', expected: list({ agencies: ['之江实验室', '省科技厅'] }) },
    { contents: '人民银行杭州中心支行、省科技厅', expected: list({ agencies: ['人民银行杭州中心支行', '省科技厅'] }) },
    { contents: '浙江大学、省科技厅', expected: list({ agencies: ['浙江大学', '省科技厅'] }) },
    { contents: '省能源集团、省交通投资集团', expected: list({ agencies: ['省能源集团', '省交通投资集团'] }) },
  ],
  'not a list': [
    { contents: '产品', expected: undefined },
    { contents: '每秒一百亿次浮点运算', expected: undefined },
    { contents: '以下简称省数据局', expected: undefined },
    { contents: '2023—2027年', expected: undefined },
    { contents: '2023-2027年', expected: undefined },
    { contents: '含省属企业', expected: undefined },
    { contents: '财库〔2020〕46号', expected: undefined },
    { contents: '征求意见稿', expected: undefined },
    { contents: '套', expected: undefined },
    { contents: '先行先试', expected: undefined },
    { contents: '', expected: undefined },
    { contents: '按职责分工负责', expected: undefined },
  ],
  'unparsed fragments': [
    // A deadline inside the list is a deadline, not an agency nor a fragment to report.
    { contents: '省科技厅、省经信厅，2025年底前完成', expected: list({ agencies: ['省科技厅', '省经信厅'], deadline: '2025年底前' }) },
    { contents: '省科技厅、省经信厅，排名第一的为牵头单位，持续推进', expected: list({ agencies: ['省科技厅', '省经信厅'], statesLeadRule: true, deadline: '持续推进' }) },
    { contents: '省科技厅、省经信厅按职责分工负责，2025年6月底前完成', expected: list({ agencies: ['省科技厅', '省经信厅'], byFunction: true, deadline: '2025年6月底前' }) },
    { contents: '牵头单位：省科技厅；配合单位：杭州市', expected: list({ agencies: ['省科技厅'], explicitLead: true, unparsed: ['杭州市'] }) },
    { contents: '牵头单位：省科技厅；配合单位：各地', expected: list({ agencies: ['省科技厅', '各地'], explicitLead: true }) },
  ],
  'deadline labels name no agency; the deadline is kept apart': [
    { contents: '省科技厅、省经信厅，完成时限：2025年底', expected: list({ agencies: ['省科技厅', '省经信厅'], deadline: '2025年底' }) },
    { contents: '省科技厅、省经信厅；完成时限：2025年底', expected: list({ agencies: ['省科技厅', '省经信厅'], deadline: '2025年底' }) },
    { contents: '省科技厅、省经信厅；完成时间:2025年12月', expected: list({ agencies: ['省科技厅', '省经信厅'], deadline: '2025年12月' }) },
    { contents: '省科技厅、省经信厅，时间节点：持续推进', expected: list({ agencies: ['省科技厅', '省经信厅'], deadline: '持续推进' }) },
  ],
  // The forms of issue 14: the deadline phrase never becomes an agency, and 完成 is dropped only
  // where what is left still reads as the same deadline.
  'deadlines in the parenthesis': [
    { contents: '省科技厅牵头，2025年底前完成', expected: list({ agencies: ['省科技厅'], explicitLead: true, deadline: '2025年底前' }) },
    { contents: '省发展改革委、省经信厅按职责分工负责，2026年6月底前完成', expected: list({ agencies: ['省发展改革委', '省经信厅'], byFunction: true, deadline: '2026年6月底前' }) },
    { contents: '省科技厅、省经信厅，排名第一的为牵头单位，长期坚持', expected: list({ agencies: ['省科技厅', '省经信厅'], statesLeadRule: true, deadline: '长期坚持' }) },
    { contents: '省科技厅牵头，省财政厅配合，持续推进', expected: list({ agencies: ['省科技厅', '省财政厅'], explicitLead: true, deadline: '持续推进' }) },
    { contents: '省科技厅牵头，于2025年底前全面完成', expected: list({ agencies: ['省科技厅'], explicitLead: true, deadline: '2025年底前' }) },
    { contents: '省科技厅牵头，力争2026年底前完成', expected: list({ agencies: ['省科技厅'], explicitLead: true, deadline: '力争2026年底前' }) },
    // A start date says more than a deadline: passed over for the completion date after it.
    { contents: '省科技厅牵头，2024年底前启动，2025年底前完成', expected: list({ agencies: ['省科技厅'], explicitLead: true, deadline: '2025年底前' }) },
    { contents: '牵头单位：省科技厅；完成时限：2025年12月底', expected: list({ agencies: ['省科技厅'], explicitLead: true, deadline: '2025年12月底' }) },
    // A label whose words are no deadline leaves none, and names nobody either.
    { contents: '牵头单位：省科技厅；完成时限：按国家要求', expected: list({ agencies: ['省科技厅'], explicitLead: true }) },
  ],
};

describe('import: responsibility lists', () => {
  for (const [convention, rows] of Object.entries(TABLE)) {
    describe(convention, () => {
      for (const { contents, expected } of rows) {
        it(`（${contents}）`, () => assert.deepEqual(parseResponsibility(contents), expected));
      }
    });
  }

  describe('the registry settles names without a usual ending', () => {
    it('takes a registered name as an agency', () => {
      assert.equal(parseResponsibility('杭州市、宁波市'), undefined);
      const known = (name: string) => ['杭州市', '宁波市'].includes(name);
      assert.deepEqual(parseResponsibility('杭州市、宁波市', known), list({ agencies: ['杭州市', '宁波市'] }));
      assert.deepEqual(parseResponsibility('杭州市、宁波市，排名第一的为牵头单位', known), list({ agencies: ['杭州市', '宁波市'], statesLeadRule: true }));
    });

    it('reports an unknown name in a list with a wording of responsibility', () => {
      assert.deepEqual(parseResponsibility('杭州市、省经信厅负责'), list({ agencies: ['省经信厅'], unparsed: ['杭州市'] }));
      // Nothing readable at all: no list, whatever the wording.
      assert.equal(parseResponsibility('杭州市、宁波市负责'), undefined);
    });
  });

  describe('LEAD_RULE', () => {
    for (const rule of [...LEAD_RULES, '排在第1位的为牵头单位', '排名首个的是牵头部门']) {
      it(`matches ${rule}`, () => assert.ok(LEAD_RULE.test(rule)));
    }
    for (const text of ['由省科技厅牵头', '第一，加强牵头单位的协调', '各牵头单位要落实主体责任', '排名不分先后']) {
      it(`does not match ${text}`, () => assert.ok(!LEAD_RULE.test(text)));
    }
  });

  describe('splitTopLevel', () => {
    it('splits only outside parentheses, full- and half-width', () => {
      assert.deepEqual(splitTopLevel('各县（市、区）政府、省委宣传部(省新闻出版局)、省经信厅', /[、]/), ['各县（市、区）政府', '省委宣传部(省新闻出版局)', '省经信厅']);
      assert.deepEqual(splitTopLevel('a（b，c（d，e））,f', /[，,]/), ['a（b，c（d，e））', 'f']);
    });

    it('does not let a stray closing parenthesis go below depth zero', () => {
      assert.deepEqual(splitTopLevel('a）、b、c', /[、]/), ['a）', 'b', 'c']);
    });
  });

  describe('looksLikeAgency', () => {
    const never = () => false;
    for (const name of ['省科技厅', '省发展改革委', '省大数据局', '省政府办公厅', '之江实验室', '各设区市政府', '有关部门', '省数字经济领导小组各成员单位', '团省委', '省总工会', '省法院', '省税务局']) {
      it(`takes ${name} for an agency`, () => assert.ok(looksLikeAgency(name, never)));
    }
    for (const name of ['产品', '以下简称省数据局', '含省属企业', '2025年底前完成', '省科技厅，省经信厅', '厅', '省科技厅 省经信厅', `${'省'.repeat(40)}厅`]) {
      it(`does not take ${name} for an agency`, () => assert.ok(!looksLikeAgency(name, never)));
    }
  });

  describe('known bugs', () => {
    // Regression (found by these tests, fixed): AGENCY_SUFFIX ends in 行 (for 银行, 支行), so （试行） and （暂行） read as a list of one
    // agency named 试行. Through importGuideline, 出台人工智能伦理审查办法（试行）。 becomes a
    // measure with `agencies: [试行]` and the text loses its （试行）.
    it('（试行） and （暂行） are not lists', () => {
      assert.equal(parseResponsibility('试行'), undefined);
      assert.equal(parseResponsibility('暂行'), undefined);
      const result = importGuideline('一、重点任务\n（一）完善伦理治理。出台人工智能伦理审查办法（试行）。\n（二）推进算力建设。建设一批智算中心。（省发展改革委、省经信厅）', { id: 'x', locale: 'en' });
      // （一） names nobody, so it is no measure; （二） is, with its two agencies and not 试行.
      assert.deepEqual(result.guideline.chapters[0]!.measures.map((measure) => [measure.id, measure.agencies]), [['1.2', ['省发展改革委', '省经信厅']]]);
    });

    // Regression (found by these tests, fixed): looksLikeAgency() tests the name's ending, and 省委宣传部（省新闻出版局） ends in ）, so a
    // name with its second name in parentheses (common: 省委宣传部（省新闻出版局）, 省委网信办（省互
    // 联网信息办）) is dropped as unparsed. With a lead rule the *second* agency then becomes the lead;
    // without a wording the whole list is not recognised at all.
    it('reads a name with a nested parenthesis, 省委宣传部（省新闻出版局）', () => {
      assert.deepEqual(parseResponsibility('省委宣传部（省新闻出版局）、省文化和旅游厅，排名第一的为牵头单位'), list({ agencies: ['省委宣传部（省新闻出版局）', '省文化和旅游厅'], statesLeadRule: true }));
      assert.deepEqual(parseResponsibility('省委宣传部（省新闻出版局）、省文化和旅游厅'), list({ agencies: ['省委宣传部（省新闻出版局）', '省文化和旅游厅'] }));
      assert.deepEqual(parseResponsibility('省委宣传部(省新闻出版局)牵头，省文化和旅游厅配合'), list({ agencies: ['省委宣传部(省新闻出版局)', '省文化和旅游厅'], explicitLead: true }));
    });
  });
});
