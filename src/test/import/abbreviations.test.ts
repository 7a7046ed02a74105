// abbreviations: names shortened after their first use, linked to the full name.
import { strict as assert } from 'node:assert';
import { abbreviations } from '../../core/import/abbreviations';

const none = () => false;

describe('import: shortened names', () => {
  it('links 市发改委 to 市发展和改革委员会 and 区建管委 to 区建设和管理委员会', () => {
    assert.deepEqual(abbreviations(['市发展和改革委员会', '区建设和管理委员会', '市发改委', '区建管委'], none), [
      { alias: '市发改委', name: '市发展和改革委员会' },
      { alias: '区建管委', name: '区建设和管理委员会' },
    ]);
  });

  it('leaves names of other bodies alone, even when their characters overlap', () => {
    assert.deepEqual(abbreviations(['市财政局', '市发展改革局', '省委宣传部', '省委组织部', '市商务委'], none), []);
  });

  it('does not guess between two full names a short one could stand for', () => {
    assert.deepEqual(abbreviations(['市科学技术局', '市科技创新局', '市科技局'], none), []);
  });

  it('leaves a short name the registry already knows', () => {
    assert.deepEqual(abbreviations(['市发展和改革委员会', '市发改委'], (name) => name === '市发改委'), []);
  });
});
