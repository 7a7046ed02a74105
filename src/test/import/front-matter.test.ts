// frontMatter: the title and issuer from what stands before a policy document's body.
import { strict as assert } from 'node:assert';
import { frontMatter } from '../../core/import/front-matter';
import { buildOutline } from '../../core/import/outline';
import { splitParagraphs } from '../../core/import/paragraphs';

function read(lines: string[]) {
  const paragraphs = splitParagraphs(lines.join('\n'));
  return frontMatter(buildOutline(paragraphs).front, paragraphs);
}

describe('import: front matter', () => {
  it('joins a title printed over two lines above the document number', () => {
    assert.deepEqual(read(['国务院关于推动内蒙古高质量发展', '奋力书写中国式现代化新篇章的意见', '国发〔2023〕16号', '各省、自治区、直辖市人民政府：', '为推动高质量发展，现提出如下意见。', '一、总体要求']), {
      title: '国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见',
      issuer: '国务院',
    });
  });

  it("takes the title of the plan a notice issues, and the notice's issuer", () => {
    const front = read(['上海市人民政府办公厅关于印发《上海市公园提质增效实施方案》的通知', '沪府办发〔2026〕21号', '各区人民政府，市政府各委、办、局：', '《上海市公园提质增效实施方案》已经市政府同意，现印发给你们，请认真按照执行。', '上海市人民政府办公厅', '2026年3月1日', '上海市公园提质增效实施方案', '为提升公园品质，制定本方案。', '一、总体要求']);
    assert.deepEqual(front, { title: '上海市公园提质增效实施方案', issuer: '上海市人民政府办公厅' });
  });

  it('takes the plan named in 《》 when the notice is all there is before the body', () => {
    assert.equal(read(['关于印发《嘉定区海绵城市建设实施方案》的通知', '各街镇：', '现将方案印发给你们。', '一、工作目标']).title, '嘉定区海绵城市建设实施方案');
  });

  it('keeps （征求意见稿） with the title, and finds the issuer from the signature above the date', () => {
    const lines = ['关于加快人工智能产业发展的指导意见', '（征求意见稿）', '为抢抓机遇，制定本意见。', '一、总体要求', '（一）指导思想。坚持创新。', '浙江省经济和信息化厅', '2024年5月6日'];
    assert.deepEqual(read(lines), { title: '关于加快人工智能产业发展的指导意见（征求意见稿）', issuer: '浙江省经济和信息化厅' });
  });

  it('gives no title when nothing before the body reads as one', () => {
    assert.deepEqual(read(['为做好工作，现通知如下：', '一、总体要求']), {});
  });
});
