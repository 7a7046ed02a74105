// The words both hosts use about an import: one line per reason a file cannot be read, in both
// languages; the format a document was read as; where an unsure paragraph is.
import { strict as assert } from 'node:assert';
import { documentLines, placeInDocument, sourceDescription, unreadableReason } from '../../core/import/describe';
import { readDocument } from '../../core/import/read/index';
import type { SourceDocument, UnreadableDocument } from '../../core/import/source';

const REASONS: Array<[UnreadableDocument, RegExp, RegExp]> = [
  [{ error: 'legacy-word', format: 'doc' }, /a legacy Word file \(\.doc\).*save it as \.docx/, /旧版 Word 文件（\.doc）.*另存为 \.docx/],
  [{ error: 'legacy-word', format: 'xls' }, /a legacy Excel file \(\.xls\).*save it as \.xlsx/, /另存为 \.xlsx/],
  [{ error: 'wps', format: 'wps' }, /a WPS Writer file \(\.wps\).*save it as \.docx/, /WPS 文字文件.*另存为 \.docx/],
  [{ error: 'scanned-pdf', format: 'pdf' }, /no text layer.*run OCR first/, /没有文字层.*OCR/],
  [{ error: 'encrypted', format: 'pdf' }, /protected by a password/, /密码保护/],
  [{ error: 'corrupt', format: 'docx' }, /a damaged Word \(\.docx\) file/, /已损坏的 Word \(\.docx\) 文件/],
  [{ error: 'unsupported', format: 'zip' }, /not a format taskmatrix reads; use \.txt, \.docx, \.pdf, \.xlsx or \.csv/, /格式无法读取/],
  [{ error: 'unsupported', format: 'rtf' }, /an RTF file.*save it as \.docx/, /RTF 文件/],
  [{ error: 'unsupported', format: 'opendocument' }, /OpenDocument.*save it as \.docx or \.xlsx/, /OpenDocument/],
  [{ error: 'empty' }, /is empty/, /空文件/],
  [{ error: 'too-large' }, /larger than 32 MB/, /超过 32 MB/],
  [{ error: 'too-large', format: 'docx' }, /unpacks to more than 256 MB/, /解压后超过 256 MB/],
  [{ error: 'binary' }, /not a document taskmatrix can read/, /不是 taskmatrix 能读取的文件/],
  [{ error: 'undecodable', format: 'text', detail: 'gb18030' }, /neither UTF-8 nor GB18030\/GBK text/, /既不是 UTF-8 也不是 GB18030\/GBK/],
];

describe('import: what the hosts say about a document', () => {
  it('gives every reason a file cannot be read as one line naming the file, in English and Chinese', () => {
    for (const [unreadable, english, chinese] of REASONS) {
      const en = unreadableReason(unreadable, '通知.doc', 'en');
      const zh = unreadableReason(unreadable, '通知.doc', 'zh-cn');
      assert.match(en, english, unreadable.error);
      assert.match(zh, chinese, unreadable.error);
      for (const line of [en, zh]) {
        assert.ok(line.startsWith('通知.doc'), line);
        assert.doesNotMatch(line, /\n|\{\w+\}/, line);
      }
    }
  });

  it('names the encoding the user forced when the text does not decode as it', () => {
    assert.equal(unreadableReason({ error: 'undecodable', format: 'text' }, 'a.txt', 'en', 'utf-8'), 'a.txt is not valid UTF-8 text; try another encoding, or let taskmatrix detect it');
  });

  it('tells a password-protected Word file (an OLE2 file holding the encrypted package) from a legacy .doc', async () => {
    const bytes = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
    Buffer.from('EncryptedPackage', 'utf16le').copy(bytes, 1024);
    const result = (await readDocument(new Uint8Array(bytes), { fileName: '方案.docx' })) as UnreadableDocument;
    assert.equal(result.error, 'encrypted');
    assert.match(unreadableReason(result, '方案.docx', 'en'), /方案\.docx is protected by a password/);
  });

  it('describes the format read: the encoding of text, Word, Excel, and a PDF with its pages', () => {
    const of = (document: Partial<SourceDocument>) => ({ paragraphsKnown: true, blocks: [], format: 'text', ...document }) as SourceDocument;
    assert.equal(sourceDescription(of({ format: 'text', encoding: 'gb18030' }), 'en'), 'GB18030');
    assert.equal(sourceDescription(of({ format: 'csv', encoding: 'utf-8' }), 'en'), 'CSV, UTF-8');
    assert.equal(sourceDescription(of({ format: 'docx' }), 'en'), 'Word');
    assert.equal(sourceDescription(of({ format: 'xlsx' }), 'zh-cn'), 'Excel');
    assert.equal(sourceDescription(of({ format: 'pdf', pages: 12 }), 'en'), 'PDF, 12 pages');
    assert.equal(sourceDescription(of({ format: 'pdf', pages: 1 }), 'en'), 'PDF, 1 page');
    assert.equal(sourceDescription(of({ format: 'pdf', pages: 12 }), 'zh-cn'), 'PDF，12 页');
  });

  it('places a paragraph by page and paragraph in a PDF, by paragraph in Word, by row in Excel, and leaves text to file:line', () => {
    assert.equal(placeInDocument({ line: 41, page: 3 }, 'pdf', 'en'), 'page 3, paragraph 41');
    assert.equal(placeInDocument({ line: 41 }, 'docx', 'en'), 'paragraph 41');
    assert.equal(placeInDocument({ line: 41 }, 'docx', 'zh-cn'), '第 41 段');
    assert.equal(placeInDocument({ line: 12 }, 'xlsx', 'en'), 'row 12');
    assert.equal(placeInDocument({ line: 7 }, 'text', 'en'), undefined);
    assert.equal(placeInDocument({ line: 7 }, 'csv', 'en'), undefined);
  });

  it('lays a document out as lines numbered as its problems are: paragraphs, and table rows with their cells', () => {
    const document: SourceDocument = {
      format: 'docx',
      paragraphsKnown: true,
      blocks: [
        { kind: 'text', text: '关于推进数字政府建设的实施意见', line: 1 },
        { kind: 'text', text: '一、重点任务', line: 3 },
        { kind: 'table', rows: [['序号', '任务', '牵头单位'], ['1', '推进一网通办\n完善平台', '省发改委']], line: 4 },
        { kind: 'text', text: '（一）加强', line: 6 },
        { kind: 'text', text: '数据安全。', line: 6 },
      ],
    };
    assert.deepEqual(documentLines(document), ['关于推进数字政府建设的实施意见', '', '一、重点任务', '序号 | 任务 | 牵头单位', '1 | 推进一网通办 完善平台 | 省发改委', '（一）加强 数据安全。']);
  });
});
