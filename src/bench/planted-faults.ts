// A small guideline with one of each finding the benchmark compares, written beside every
// generated corpus: the generated files have no schema errors, repeated ids or repeated
// agencies, and never use a file-level division, a collective first or an empty list, so without
// this file two tools could agree on those counts by both checking nothing.
//
// Its expected findings (taskmatrix and the Spectral ruleset must both report exactly these):
export const PLANTED_FILE = 'planted-faults.yaml';

export const PLANTED_FINDINGS = {
  schema: 6, // year < 1949, unknown key, bad division, unquoted id, empty title, number agency
  'duplicate-id': 3, // a target id, a chapter id, a measure id
  'unknown-agency': 2, // 某某未登记局 and 42
  'duplicate-agency': 2, // 省发改委 after 省发展改革委, 省科技厅 twice
  'no-lead': 6, // inherited joint (twice, once through a bad division), by-function, collective first, empty, missing
  'alias-agency': 3, // 省发改委, 科技厅, 省通管局
} as const;

/** Measures in the file (the parse floors count them). */
export const PLANTED_MEASURES = 11;

export const PLANTED_TEXT = `# yaml-language-server: $schema=../schemas/guideline.schema.json
# Planted findings, one of each kind the benchmark compares (added beside the generated corpus).
id: planted-faults
title: 基准测试：已知问题
issuer: 浙江省
status: draft
division: joint
targets:
  - id: "1.1.1"
    text: 目标一
    value: 1
    unit: 家
  - id: "1.1.1"
    text: 目标重复编号
    value: 2
    unit: 家
    year: 1900
chapters:
  - id: "2"
    title: 继承全文默认分工
    measures:
      - id: "2.1"
        title: 全文默认 joint，无牵头单位
        agencies: [省科技厅, 省经信厅]
      - id: "2.2"
        title: 自身分工优先
        agencies: [省科技厅, 省经信厅]
        division: lead-first
      - id: "2.3"
        title: 各自负责
        agencies: [省科技厅, 省经信厅]
        division: by-function
  - id: "2"
    title: 章节编号重复
    measures:
      - id: "3.1"
        title: 集合性主体列第一
        agencies: [省数字经济领导小组各成员单位, 省科技厅]
        division: lead-first
      - id: "3.2"
        title: 空列表
        agencies: []
        division: lead-first
      - id: "3.3"
        title: 未列单位
        division: lead-first
      - id: "3.4"
        title: 别名与名称重复
        agencies: [省发展改革委, 省经信厅, 省发改委]
        division: lead-first
      - id: "3.4"
        title: 同一单位两次，编号重复
        agencies: [省科技厅, 省教育厅, 省科技厅]
        division: lead-first
      - id: "3.6"
        title: 未登记单位与别名
        agencies: [科技厅, 某某未登记局, 省通管局]
        division: lead-first
      - id: "3.7"
        title: 分工值无效，退回全文默认
        agencies: [省科技厅]
        division: sometimes
        owner: 省科技厅
      - id: 3.8
        title: ""
        agencies: [省科技厅, 42]
        division: lead-first
`;
