// The bundled guideline, end to end through the engine: the matrix a reviewer gets.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMatrix, Project } from '../../core/index';

const root = join(__dirname, '..', '..', '..');

function bundledProject(): Project {
  const project = new Project();
  for (const file of ['tasks/agencies.yaml', 'tasks/zj-ai-2027.yaml']) project.setFile(file, readFileSync(join(root, file), 'utf8'));
  return project;
}

// id → [lead, co-responsible in printed order], transcribed from the source by hand.
const GOLDEN: Record<string, [string | null, string[]]> = {
  '2.1': ['省科技厅', ['省发展改革委', '省经信厅', '省教育厅', '之江实验室']],
  '2.2': ['省科技厅', ['省经信厅', '省财政厅', '之江实验室']],
  '2.3': ['省科技厅', ['省发展改革委', '省经信厅']],
  '3.1': ['省发展改革委', ['省经信厅', '省科技厅', '省通信管理局']],
  '3.2': ['省科技厅', ['省发展改革委', '省经信厅', '省市场监管局', '之江实验室']],
  '3.3': ['省经信厅', ['省委网信办', '省发展改革委', '省科技厅', '之江实验室']],
  '3.4': ['省发展改革委', ['省经信厅', '省科技厅', '省大数据局']],
  '3.5': ['省大数据局', ['省委网信办', '省发展改革委', '省经信厅', '省科技厅', '省交通运输厅', '省卫生健康委', '人行杭州中心支行']],
  '4.1': ['省科技厅', ['省发展改革委', '省经信厅', '省教育厅', '之江实验室']],
  '4.2': [null, ['省发展改革委', '省经信厅', '省农业农村厅', '省商务厅', '省交通运输厅', '人行杭州中心支行', '浙江金融监管局']],
  '4.3': [null, ['省发展改革委', '省经信厅', '省教育厅', '省建设厅', '省农业农村厅', '省文化和旅游厅', '省卫生健康委', '省市场监管局', '省广电局', '省体育局']],
  '4.4': [null, ['省委网信办', '省发展改革委', '省经信厅', '省公安厅', '省建设厅', '省交通运输厅', '省应急管理厅', '省市场监管局', '省大数据局']],
  '5.1': ['省经信厅', ['省发展改革委', '省科技厅', '省交通运输厅', '省商务厅']],
  '5.2': ['省经信厅', ['省发展改革委', '省科技厅', '省商务厅']],
  '5.3': ['省经信厅', ['省发展改革委', '省科技厅', '省教育厅', '省建设厅', '省交通运输厅', '省文化和旅游厅', '省卫生健康委', '省应急管理厅', '省体育局']],
  '6.1': ['省委人才办', ['省经信厅', '省教育厅', '省科技厅', '省财政厅', '省人力社保厅', '省税务局']],
  '6.2': ['省经信厅', ['省发展改革委', '省科技厅', '省财政厅', '省商务厅', '省国资委', '人行杭州中心支行', '浙江金融监管局', '省金融控股公司']],
  '6.3': ['省市场监管局', ['省经信厅', '省科技厅']],
  '6.4': ['省委网信办', ['省发展改革委', '省经信厅', '省科技厅', '省公安厅', '省司法厅', '省市场监管局']],
  '7.1': [null, ['省数字经济领导小组各成员单位']],
  '7.2': ['省经信厅', ['省委网信办', '省发展改革委', '省科技厅', '省公安厅', '省交通运输厅', '省应急管理厅']],
  '7.3': ['省经信厅', ['省发展改革委', '省科技厅', '省财政厅', '省生态环境厅']],
  '7.4': ['省经信厅', ['省发展改革委', '省科技厅', '省统计局']],
};

describe('the bundled guideline zj-ai-2027', () => {
  it('lints with exactly the four no-lead warnings and nothing else', () => {
    const { diagnostics } = bundledProject().lint();
    assert.deepEqual(
      diagnostics.map((d) => [d.rule, d.severity, d.message.match(/Measure (\S+)/)?.[1]]),
      [
        ['no-lead', 'warning', '4.2'],
        ['no-lead', 'warning', '4.3'],
        ['no-lead', 'warning', '4.4'],
        ['no-lead', 'warning', '7.1'],
      ],
    );
  });

  it('gives the lead and co-responsible agencies of all 23 measures, in printed order', () => {
    const matrix = buildMatrix(bundledProject());
    assert.equal(matrix.measures.length, 23);
    const actual = Object.fromEntries(matrix.measures.map((m) => [m.id, [m.lead, m.co]]));
    assert.deepEqual(actual, GOLDEN);
  });

  it('has exactly 4.2, 4.3 and 4.4 by function and 7.1 led by a collective', () => {
    const noLead = buildMatrix(bundledProject()).measures.filter((m) => m.noLead);
    assert.deepEqual(
      noLead.map((m) => [m.id, m.noLeadReason]),
      [
        ['4.2', 'by-function'],
        ['4.3', 'by-function'],
        ['4.4', 'by-function'],
        ['7.1', 'collective'],
      ],
    );
  });

  it('fills the JSON contract: document, file and line of every measure', () => {
    const project = bundledProject();
    const first = buildMatrix(project).measures[0]!;
    const lines = project.file('tasks/zj-ai-2027.yaml')!.text.split('\n');
    assert.equal(first.document, 'zj-ai-2027');
    assert.equal(first.file, 'tasks/zj-ai-2027.yaml');
    assert.match(lines[first.line - 1]!, /id: "2\.1"/);
  });

  it('lists per agency what it leads and co-owns, every registry agency included', () => {
    const matrix = buildMatrix(bundledProject());
    assert.equal(matrix.agencies.length, 31);
    const science = matrix.agencies.find((a) => a.name === '省科技厅')!;
    assert.deepEqual(science.leads, ['2.1', '2.2', '2.3', '3.2', '4.1']);
    assert.ok(science.co.includes('3.1'));
    const collective = matrix.agencies.find((a) => a.name === '省数字经济领导小组各成员单位')!;
    assert.deepEqual([collective.leads, collective.noLead], [[], ['7.1']]);
  });
});
