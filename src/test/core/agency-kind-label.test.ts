import { strict as assert } from 'node:assert';
import { agencyKindLabel } from '../../core/index';

describe('agency kind labels', () => {
  it('names every kind of the schema in Chinese and English, and leaves an unknown value as written', () => {
    assert.deepEqual(
      ['government', 'party', 'lab', 'financial', 'enterprise', 'collective'].map((kind) => agencyKindLabel(kind, 'zh-cn')),
      ['政府部门', '党委部门', '实验室', '金融机构', '企业', '集体'],
    );
    assert.equal(agencyKindLabel('government', 'en'), 'government department');
    assert.equal(agencyKindLabel('ministry', 'zh-cn'), 'ministry');
  });
});
