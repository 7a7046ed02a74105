// decodePolicyText: the bytes of a policy document in UTF-8 (with or without BOM), UTF-16 with a
// BOM, and GB18030/GBK (made with iconv at test time, and a hard-coded 中文 = d6 d0 ce c4);
// NUL bytes are a binary file, and a forced encoding that does not fit is undecodable.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { decodePolicyText, TEXT_ENCODINGS } from '../../core/import/decode';
import { importGuideline } from '../../core/import/importer';

const SAMPLE = '关于加快人工智能产业发展的指导意见\n一、重点任务\n（一）强化前沿基础研究。加快推进实验室体系建设。（省科技厅、省发展改革委，排名第一的为牵头单位，下同）\n';
const ICONV = '/usr/bin/iconv';

function iconv(text: string, to: string): Uint8Array {
  return new Uint8Array(execFileSync(ICONV, ['-f', 'UTF-8', '-t', to], { input: Buffer.from(text, 'utf8'), stdio: ['pipe', 'pipe', 'ignore'] }));
}

function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  if (endian === 'be') body.swap16();
  return new Uint8Array(Buffer.concat([bom ? Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), body]));
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);

describe('import: decoding a document', () => {
  describe('UTF-8', () => {
    it('decodes UTF-8 without a BOM', () => {
      assert.deepEqual(decodePolicyText(utf8(SAMPLE)), { text: SAMPLE, encoding: 'utf-8' });
    });

    it('decodes UTF-8 with a BOM and drops the BOM', () => {
      assert.deepEqual(decodePolicyText(withBom(utf8(SAMPLE))), { text: SAMPLE, encoding: 'utf-8' });
    });

    it('keeps a second BOM that is part of the text', () => {
      assert.deepEqual(decodePolicyText(withBom(withBom(utf8('中文')))), { text: '\uFEFF中文', encoding: 'utf-8' });
    });

    it('decodes an empty file as empty UTF-8 text', () => {
      assert.deepEqual(decodePolicyText(new Uint8Array([])), { text: '', encoding: 'utf-8' });
    });

    it('decodes 4-byte UTF-8 (emoji, CJK extension B) as UTF-8, not GB18030', () => {
      assert.deepEqual(decodePolicyText(utf8('😀𠀀中文')), { text: '😀𠀀中文', encoding: 'utf-8' });
    });

    it('does not fall back to GB18030 when a UTF-8 BOM is followed by invalid UTF-8', () => {
      assert.deepEqual(decodePolicyText(new Uint8Array([0xef, 0xbb, 0xbf, 0xd6, 0xd0, 0xce, 0xc4])), { error: 'undecodable', encoding: 'utf-8' });
    });
  });

  describe('UTF-16 with a BOM', () => {
    it('decodes UTF-16LE', () => {
      assert.deepEqual(decodePolicyText(utf16(SAMPLE, 'le')), { text: SAMPLE, encoding: 'utf-16le' });
    });

    it('decodes UTF-16BE', () => {
      assert.deepEqual(decodePolicyText(utf16(SAMPLE, 'be')), { text: SAMPLE, encoding: 'utf-16be' });
    });

    it('decodes surrogate pairs', () => {
      assert.deepEqual(decodePolicyText(utf16('😀中文', 'le')), { text: '😀中文', encoding: 'utf-16le' });
      assert.deepEqual(decodePolicyText(utf16('😀中文', 'be')), { text: '😀中文', encoding: 'utf-16be' });
    });

    it('decodes UTF-16 without a BOM in either byte order, told by the NULs of its ASCII and the text it makes', () => {
      assert.deepEqual(decodePolicyText(utf16(SAMPLE, 'le', false)), { text: SAMPLE, encoding: 'utf-16le' });
      assert.deepEqual(decodePolicyText(utf16(SAMPLE, 'be', false)), { text: SAMPLE, encoding: 'utf-16be' });
      assert.deepEqual(decodePolicyText(utf16('ABC中文\r\n', 'le', false)), { text: 'ABC中文\r\n', encoding: 'utf-16le' });
      // 一 (U+4E00) and the ideographic space (U+3000) have NUL low bytes: still read the right way round.
      const ones = '一、一一\u3000一\n（一）一\n';
      assert.deepEqual(decodePolicyText(utf16(ones, 'le', false)), { text: ones, encoding: 'utf-16le' });
      assert.deepEqual(decodePolicyText(utf16(ones, 'be', false)), { text: ones, encoding: 'utf-16be' });
    });

    it('still takes binary bytes with NULs for binary, and UTF-16 of an odd length too', () => {
      assert.deepEqual(decodePolicyText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])), { error: 'binary' });
      assert.deepEqual(decodePolicyText(new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))), { error: 'binary' });
      assert.deepEqual(decodePolicyText(utf16('ABC中文', 'le', false).slice(0, 9)), { error: 'binary' });
    });

    it('decodes UTF-16 without a BOM as the encoding it is forced to', () => {
      assert.deepEqual(decodePolicyText(utf16('ABC中文', 'le', false), 'utf-16le'), { text: 'ABC中文', encoding: 'utf-16le' });
      assert.deepEqual(decodePolicyText(utf16('ABC中文', 'be', false), 'utf-16be'), { text: 'ABC中文', encoding: 'utf-16be' });
    });

    it('reports a UTF-16 file cut in the middle of a code unit as undecodable', () => {
      const bytes = utf16('中文', 'le');
      assert.deepEqual(decodePolicyText(bytes.slice(0, bytes.length - 1)), { error: 'undecodable', encoding: 'utf-16le' });
    });

    it('reports a lone surrogate as undecodable', () => {
      assert.deepEqual(decodePolicyText(new Uint8Array([0xfe, 0xff, 0xd8, 0x00])), { error: 'undecodable', encoding: 'utf-16be' });
    });
  });

  describe('GB18030 and GBK', () => {
    it('decodes 中文 = d6 d0 ce c4', () => {
      assert.deepEqual(decodePolicyText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4])), { text: '中文', encoding: 'gb18030' });
    });

    it('decodes mixed ASCII and GB bytes', () => {
      // "A中B" and a GB full-width comma (a3 ac).
      assert.deepEqual(decodePolicyText(new Uint8Array([0x41, 0xd6, 0xd0, 0x42, 0xa3, 0xac])), { text: 'A中B，', encoding: 'gb18030' });
    });

    describe('made with iconv', function () {
      before(function () {
        if (!existsSync(ICONV)) this.skip();
      });

      it('decodes a whole document iconv wrote as GB18030', () => {
        const bytes = iconv(SAMPLE, 'GB18030');
        assert.notDeepEqual(bytes, utf8(SAMPLE));
        assert.deepEqual(decodePolicyText(bytes), { text: SAMPLE, encoding: 'gb18030' });
      });

      it('decodes GB18030 four-byte sequences (emoji, CJK extension B)', () => {
        const text = '中文😀𠀀，全角（括号）';
        const bytes = iconv(text, 'GB18030');
        assert.equal(bytes.length, 4 * 2 + 4 + 4 + 2 * 5, 'four bytes for each non-BMP character');
        assert.deepEqual(decodePolicyText(bytes), { text, encoding: 'gb18030' });
      });

      it('decodes text with characters in GBK but not in GB2312 (朱镕基, 堃)', () => {
        const text = '朱镕基同志、王堃同志';
        assert.throws(() => iconv(text, 'GB2312'), 'the premise: 镕 and 堃 are not GB2312');
        assert.deepEqual(decodePolicyText(iconv(text, 'GBK')), { text, encoding: 'gb18030' });
      });

      it('imports a GB18030 document as it imports the UTF-8 one', () => {
        const decoded = decodePolicyText(iconv(SAMPLE, 'GB18030'));
        assert.ok('text' in decoded);
        assert.equal(importGuideline(decoded.text, { id: 'x', locale: 'en' }).yaml, importGuideline(SAMPLE, { id: 'x', locale: 'en' }).yaml);
      });

      it('decodes GB18030 with CRLF line ends', () => {
        const text = SAMPLE.replace(/\n/g, '\r\n');
        assert.deepEqual(decodePolicyText(iconv(text, 'GB18030')), { text, encoding: 'gb18030' });
      });
    });
  });

  describe('binary and undecodable', () => {
    it('takes a NUL byte for a binary file', () => {
      assert.deepEqual(decodePolicyText(new Uint8Array([...utf8('中文'), 0, ...utf8('文')])), { error: 'binary' });
      assert.deepEqual(decodePolicyText(new Uint8Array([0])), { error: 'binary' });
    });

    it('takes the start of a .docx (a zip) and of a PDF with NUL bytes for binary', () => {
      assert.deepEqual(decodePolicyText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])), { error: 'binary' });
      assert.deepEqual(decodePolicyText(new Uint8Array([...utf8('%PDF-1.7\n'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0x00])), { error: 'binary' });
    });

    it('reports bytes that are neither UTF-8 nor GB18030 as undecodable', () => {
      assert.deepEqual(decodePolicyText(new Uint8Array([0x81, 0x20])), { error: 'undecodable', encoding: 'gb18030' });
      assert.deepEqual(decodePolicyText(new Uint8Array([0xff, 0x41])), { error: 'undecodable', encoding: 'gb18030' });
    });

    it('reports a forced encoding that does not fit as undecodable, with that encoding', () => {
      const gb = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]);
      assert.deepEqual(decodePolicyText(gb, 'utf-8'), { error: 'undecodable', encoding: 'utf-8' });
      assert.deepEqual(decodePolicyText(new Uint8Array([0x81, 0x20]), 'gb18030'), { error: 'undecodable', encoding: 'gb18030' });
      assert.deepEqual(decodePolicyText(new Uint8Array([0x41, 0x00, 0x42]), 'utf-16le'), { error: 'undecodable', encoding: 'utf-16le' });
    });

    it('obeys a forced encoding over the detected one', () => {
      const text = 'AB';
      // ASCII is valid in every encoding but UTF-16, where two bytes make one character.
      assert.deepEqual(decodePolicyText(utf8(text), 'gb18030'), { text, encoding: 'gb18030' });
      assert.deepEqual(decodePolicyText(utf8(text), 'utf-16le'), { text: '\u4241', encoding: 'utf-16le' });
      // A forced decoder that is not the BOM's keeps the BOM bytes as characters.
      const forcedGb = decodePolicyText(withBom(utf8('中')), 'gb18030');
      assert.ok('text' in forcedGb && forcedGb.text !== '中');
    });

    it('forces a NUL-bearing text through when the encoding is given', () => {
      assert.deepEqual(decodePolicyText(new Uint8Array([0x41, 0x00, 0x42]), 'utf-8'), { text: 'A\u0000B', encoding: 'utf-8' });
    });

    it('knows exactly the four encodings it can be forced to', () => {
      assert.deepEqual([...TEXT_ENCODINGS].sort(), ['gb18030', 'utf-16be', 'utf-16le', 'utf-8']);
    });
  });
});
