// Every convention the genre uses (issue 11's list), each read through the whole pipeline from a
// short text in that convention: who leads, who co-owns, and why nobody leads where nobody does.
import { strict as assert } from 'node:assert';
import { importGuideline } from '../../core/index';
import { matrixRows } from './corpus';

interface Row {
  id: string;
  lead: string | null;
  co: string[];
  reason: string | null;
}

/** Imports a text into a new project and reads the matrix back, as `matrix --format json` does. */
function rowsOf(text: string): Row[] {
  return matrixRows(importGuideline(text, { id: 'doc', locale: 'en' })).map((m) => ({ id: m.id, lead: m.lead, co: m.co, reason: m.noLeadReason }));
}

function row(id: string, lead: string | null, co: string[], reason: string | null = null): Row {
  return { id, lead, co, reason };
}

describe('import: the conventions of the genre', () => {
  it('reads the outline of a State Council notice: title over two lines, number, salutation, preamble, goal parts, items running on across parts, signature and attachments', () => {
    const text = [
      '国务院办公厅关于印发',
      '促进消费扩容提质若干措施的通知',
      '国办发〔2099〕1号',
      '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      '《促进消费扩容提质若干措施》已经国务院同意，现印发给你们，请认真贯彻执行。',
      '国务院办公厅',
      '2099年1月1日',
      '促进消费扩容提质若干措施',
      '为进一步激发消费潜力，现提出以下措施。',
      '一、总体要求',
      '坚持以人民为中心，扩大有效需求。',
      '二、扩大服务消费',
      '（一）发展养老服务。支持社区养老服务网络建设。（民政部、国家发展改革委按职责分工负责）',
      '（二）丰富文旅消费。推动景区提质。（文化和旅游部牵头，各地区按职责分工负责）',
      '三、优化消费环境',
      '（三）加强消费者权益保护。完善投诉处理机制。（市场监管总局负责）',
      '（四）完善消费基础设施。建设一刻钟便民生活圈。（商务部、住房城乡建设部等按职责分工负责，2099年底前完成）',
      '各地区、各部门要加强组织领导，抓好贯彻落实。',
      '附件：1.重点任务清单',
    ].join('\n');
    const result = importGuideline(text, { id: 'doc', locale: 'en' });
    assert.equal(result.guideline.title, '促进消费扩容提质若干措施');
    assert.equal(result.guideline.issuer, '国务院办公厅');
    assert.deepEqual(rowsOf(text), [
      row('2.1', null, ['民政部', '国家发展改革委'], 'by-function'),
      row('2.2', '文化和旅游部', ['各地区']),
      row('3.3', '市场监管总局', []),
      row('3.4', null, ['商务部', '住房城乡建设部'], 'by-function'),
    ]);
  });

  it('numbers 1. items that run on under （一） headings naming nobody, and reads 12.5G as item 12', () => {
    const earlier = Array.from({ length: 10 }, (_, index) => `${index + 1}.推进第${index + 1}项工作。加快推进。（省经信厅牵头）`);
    const text = ['一、重点任务', '（一）夯实基础设施', ...earlier, '11.建设算力中心。布局一批智算中心。（省发展改革委牵头，省经信厅配合）', '12.5G基站建设工程。新建5G基站1万个。（省通信管理局牵头，省经信厅配合）', '（二）深化应用', '13.推动行业应用。培育场景。（省经信厅牵头）', '（1）细化项目。（省财政厅牵头）'].join('\n');
    assert.deepEqual(rowsOf(text).slice(10).map((r) => [r.id, r.lead]), [
      ['1.1.11', '省发展改革委'],
      ['1.1.12', '省通信管理局'],
      ['1.2.13', '省经信厅'],
      ['1.2.13.1', '省财政厅'],
    ]);
  });

  it('takes a lead rule declared once inside the first list, after a full stop, for the lists below', () => {
    const text = ['一、任务', '（一）甲。内容。（省科技厅、省财政厅负责。列第一位者为牵头单位，下同）', '（二）乙。内容。（省教育厅、省人力社保厅）'].join('\n');
    assert.deepEqual(rowsOf(text), [row('1.1', '省科技厅', ['省财政厅']), row('1.2', '省教育厅', ['省人力社保厅'])]);
  });

  it('reads labelled fields with a trailing collective that holds 、 and brackets', () => {
    const text = ['一、任务', '（一）甲。内容。（牵头单位：省商务厅，配合单位：省财政厅、省税务局，各市、县（市、区）人民政府）'].join('\n');
    assert.deepEqual(rowsOf(text), [row('1.1', '省商务厅', ['省财政厅', '省税务局', '各市、县（市、区）人民政府'])]);
  });

  it('reads A、B，各省级人民政府按职责分工负责 as by-function and A、B等和各有关地方政府负责 as joint', () => {
    const text = ['一、任务', '（一）甲。内容。（工业和信息化部、科技部，各省级人民政府按职责分工负责）', '（二）乙。内容。（国家发展改革委、财政部等和各有关地方政府负责）'].join('\n');
    assert.deepEqual(rowsOf(text), [
      row('1.1', null, ['工业和信息化部', '科技部', '各省级人民政府'], 'by-function'),
      row('1.2', null, ['国家发展改革委', '财政部', '各有关地方政府'], 'joint'),
    ]);
  });

  it('keeps the generic tail 等有关部门和单位 as one collective and reads a bracketed alias inside a name', () => {
    const text = ['一、任务', '（一）甲。内容。（市应急管理局（市安委办）牵头，市公安局、市消防救援支队等有关部门和单位配合）'].join('\n');
    assert.deepEqual(rowsOf(text), [row('1.1', '市应急管理局（市安委办）', ['市公安局', '市消防救援支队', '有关部门和单位'])]);
  });

  it('finds the list as a paragraph of its own after several body paragraphs, bracketed or not', () => {
    const text = [
      '一、任务',
      '（一）加强统筹。',
      '建立协调机制。',
      '定期研究重大问题。',
      '牵头单位：市发展改革委，配合单位：市财政局、市统计局',
      '（二）强化保障。',
      '加大投入。',
      '（责任单位：市财政局、市审计局）',
      '（三）加强督查。',
      '开展评估。',
      '负责单位：市政府督查室',
    ].join('\n');
    assert.deepEqual(rowsOf(text), [
      row('1.1', '市发展改革委', ['市财政局', '市统计局']),
      row('1.2', null, ['市财政局', '市审计局'], 'joint'),
      row('1.3', '市政府督查室', []),
    ]);
  });

  it('merges 牵头单位：… and 责任单位：… written on two lines', () => {
    const text = ['一、任务', '1.推进项目建设。加快建设。', '牵头单位：区发改局', '责任单位：区财政局、各街道'].join('\n');
    assert.deepEqual(rowsOf(text), [row('1.1', '区发改局', ['区财政局', '各街道'])]);
  });

  it('applies a lead rule declared after the measures to every list', () => {
    const text = ['一、任务', '（一）甲。内容。（市科技局、市财政局）', '（二）乙。内容。（市教育局、市人社局）', '以上任务责任单位排在首位的为牵头单位。'].join('\n');
    assert.deepEqual(rowsOf(text), [row('1.1', '市科技局', ['市财政局']), row('1.2', '市教育局', ['市人社局'])]);
  });

  it('reads two agencies before 牵头 as no single lead (joint)', () => {
    const text = ['一、任务', '（一）甲。内容。（市发展改革委、市经济信息化委牵头，市财政局配合）'].join('\n');
    assert.deepEqual(rowsOf(text), [row('1.1', null, ['市发展改革委', '市经济信息化委', '市财政局'], 'joint')]);
  });

  it('drops a deadline inside the list and reads half-width , : mixed with full-width', () => {
    const text = ['一、任务', '（一）甲。内容。(牵头单位:市住建委,配合单位：市规划资源局、市水务局;2025年6月底前完成)'].join('\n');
    assert.deepEqual(rowsOf(text), [row('1.1', '市住建委', ['市规划资源局', '市水务局'])]);
  });

  it('reads —— bullets and headings without a full stop as measures, numbered by position', () => {
    const text = [
      '一、重点任务',
      '——加快数字基建。建设千兆网络。（省通信管理局牵头，省经信厅配合）',
      '——推进融合应用。培育典型场景。（省经信厅牵头）',
      '二、保障措施',
      '加强组织领导',
      '建立工作专班，统筹推进。',
      '定期调度进展。（省发展改革委牵头，省级有关部门配合）',
      '强化要素保障',
      '加大资金支持。（省财政厅牵头）',
    ].join('\n');
    assert.deepEqual(rowsOf(text).map((r) => [r.id, r.lead]), [
      ['1.1', '省通信管理局'],
      ['1.2', '省经信厅'],
      ['2.1', '省发展改革委'],
      ['2.2', '省财政厅'],
    ]);
  });

  it('survives printing slips: a doubled 、 and a missing one', () => {
    const text = ['一、任务', '（一）甲。内容。（省科技厅、、省财政厅省教育厅，排名第一的为牵头单位）'].join('\n');
    assert.deepEqual(rowsOf(text), [row('1.1', '省科技厅', ['省财政厅', '省教育厅'])]);
  });

  it('never makes a collective the lead, and gives no lead where the text gives none', () => {
    const text = ['一、任务', '（一）甲。内容。（各区人民政府牵头，市民政局配合）', '（二）乙。内容。（市民政局、市财政局负责）'].join('\n');
    assert.deepEqual(rowsOf(text), [row('1.1', null, ['各区人民政府', '市民政局'], 'collective'), row('1.2', null, ['市民政局', '市财政局'], 'joint')]);
  });

  it('links a name shortened after its first use to the full name', () => {
    const result = importGuideline(['一、任务', '（一）甲。内容。（市发展和改革委员会牵头）', '（二）乙。内容。（市发改委牵头）'].join('\n'), { id: 'doc', locale: 'en' });
    assert.deepEqual(result.aliases, [{ alias: '市发改委', name: '市发展和改革委员会' }]);
  });

  it('reads A负责，B、C配合 and A为牵头单位 as A leading, and a (牵头) mark after a name', () => {
    const text = ['一、任务', '（一）甲。内容。（市商务局负责，市财政局、市税务局配合）', '（二）乙。内容。（市教育局为牵头单位，市人社局为配合单位）', '（三）丙。内容。（责任单位：市财政局、区发改局（牵头）、各街道）'].join('\n');
    assert.deepEqual(rowsOf(text), [
      row('1.1', '市商务局', ['市财政局', '市税务局']),
      row('1.2', '市教育局', ['市人社局']),
      row('1.3', '区发改局', ['市财政局', '各街道']),
    ]);
  });

  it('finds a list that follows the title, before the body', () => {
    const text = ['一、任务', '1.推进智慧交通建设（责任单位：市交通局、市公安局交警支队）。建设智能信号系统。', '2.加强停车管理（牵头单位：市城管局）', '新增公共停车泊位。'].join('\n');
    const result = importGuideline(text, { id: 'doc', locale: 'en' });
    assert.deepEqual(rowsOf(text), [row('1.1', null, ['市交通局', '市公安局交警支队'], 'joint'), row('1.2', '市城管局', [])]);
    const first = result.guideline.chapters[0]!.measures[0]!;
    assert.equal(first.title, '推进智慧交通建设');
    assert.equal(first.text, '建设智能信号系统。');
  });

  it('reads a task table whose part rows give their number in the 序号 column', () => {
    const table = {
      kind: 'table' as const,
      line: 1,
      rows: [
        ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
        ['一', '优化营商环境', '', '', ''],
        ['1', '深化“一网通办”改革。', '市政务服务中心', '市大数据局', '2025年底'],
        ['2', '推行告知承诺制。', '市司法局', '', '持续推进'],
        ['', '', '', '', ''],
        ['二', '强化要素保障', '', '', ''],
        ['3', '加大用地保障。', '市自然资源局牵头，市发展改革委', '', '2025年6月'],
        ['4', '拓宽融资渠道。', '', '', ''],
      ],
    };
    const result = importGuideline({ format: 'xlsx', paragraphsKnown: true, blocks: [table] }, { id: 'doc', locale: 'en' });
    assert.deepEqual(result.guideline.chapters.map((chapter) => [chapter.id, chapter.title]), [['1', '优化营商环境'], ['2', '强化要素保障']]);
    assert.deepEqual(matrixRows(result).map((m) => [m.id, m.lead, m.co]), [
      ['1.1', '市政务服务中心', ['市大数据局']],
      ['1.2', '市司法局', []],
      ['2.3', '市自然资源局', ['市发展改革委']],
      // A merged 牵头单位 cell is empty below its first row: row 4 shares row 3's agencies.
      ['2.4', '市自然资源局', ['市发展改革委']],
    ]);
    // The 完成时限 column as written; row 4's cell is empty, and an empty cell gives no deadline.
    assert.deepEqual(result.guideline.chapters.flatMap((chapter) => chapter.measures.map((measure) => measure.deadline)), ['2025年底', '持续推进', '2025年6月', undefined]);
  });

  it('keeps a 完成时限 or 责任领导 line between the list lines with its measure', () => {
    const text = ['一、任务', '1.推进项目建设。加快建设。', '牵头单位：区发改局', '完成时限：2025年12月', '配合单位：区财政局', '2.优化服务。提升效率。', '牵头单位：区政务服务中心'].join('\n');
    assert.deepEqual(rowsOf(text), [row('1.1', '区发改局', []), row('1.2', '区政务服务中心', [])].map((r, i) => (i === 0 ? { ...r, co: ['区财政局'] } : r)));
  });

  it('numbers an item that carries its own list and bullets after it, and a part heading that is itself a measure', () => {
    const text = ['一、任务', '（一）加强统筹。建立机制。（市发展改革委牵头）', '——编制清单。（市财政局牵头）', '——开展评估。（市统计局牵头）', '二、加强组织保障（各区政府负责）'].join('\n');
    assert.deepEqual(rowsOf(text).map((r) => [r.id, r.lead ?? r.reason]), [
      ['1.1', '市发展改革委'],
      ['1.1.1', '市财政局'],
      ['1.1.2', '市统计局'],
      ['2.1', 'collective'],
    ]);
  });

  it('says so, at the first line, when a text holds no measure with a list', () => {
    const result = importGuideline('这是一份会议纪要。\n会议研究了有关事项。', { id: 'doc', locale: 'en' });
    assert.equal(result.counts.measures, 0);
    assert.deepEqual(result.problems.map((p) => [p.line, p.message.slice(0, 40)]), [[1, 'no measure with a responsibility list wa']]);
  });

  it('makes one chapter of a document whose parts are its measures, numbered by the parts', () => {
    const text = [
      '国务院办公厅关于加快发展流通促进商业消费的意见',
      '国办发〔2099〕42号',
      '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      '为推动流通创新发展，现提出以下意见：',
      '一、促进流通新业态新模式发展。顺应商业变革趋势。（商务部、国家发展改革委等按职责分工负责）',
      '二、推动传统流通企业创新转型升级',
      '鼓励企业应用大数据。（商务部牵头，市场监管总局按职责分工负责）',
      '三、加快发展农村流通体系。改造提升农村流通基础设施。（商务部、农业农村部、供销合作总社负责）',
      '各地区、各部门要加强组织领导。',
      '国务院办公厅',
      '2099年8月16日',
    ].join('\n');
    const result = importGuideline(text, { id: 'doc', locale: 'en' });
    // The close after the last list (各地区、各部门要…, the signature) belongs to no measure.
    assert.equal(result.guideline.chapters[0]!.measures[2]!.text, '改造提升农村流通基础设施。');
    assert.deepEqual(result.guideline.chapters.map((chapter) => [chapter.id, chapter.measures.map((m) => [m.id, m.title])]), [
      ['1', [['1.1', '促进流通新业态新模式发展'], ['1.2', '推动传统流通企业创新转型升级'], ['1.3', '加快发展农村流通体系']]],
    ]);
    assert.deepEqual(rowsOf(text), [
      row('1.1', null, ['商务部', '国家发展改革委'], 'by-function'),
      row('1.2', '商务部', ['市场监管总局']),
      row('1.3', null, ['商务部', '农业农村部', '供销合作总社'], 'joint'),
    ]);
  });

  it('reads a list in 【】 and labelled fields run together without a separator', () => {
    const text = ['一、任务', '（一）甲。内容。【牵头单位：市科技局；配合单位：市财政局】', '（二）乙。内容。', '牵头单位：市教育局 配合单位：市人社局、市财政局'].join('\n');
    assert.deepEqual(rowsOf(text), [row('1.1', '市科技局', ['市财政局']), row('1.2', '市教育局', ['市人社局', '市财政局'])]);
  });
});
