// readDocument tells the format by the bytes, not the name: legacy Word/Excel/WPS files (OLE2),
// RTF, random binary, empty and oversized files each get their own one-line reason.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { MAX_FILE_BYTES } from '../../core/source/document';
import { readDocument } from '../../core/import/read/index';
import { unpackedSize } from '../../core/import/read/zip-size';
import { docxFromText } from './forms';

const OLE2_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The start of an OLE2 compound file whose directory names the given stream (in UTF-16LE, as OLE2 stores it). */
function ole2(stream: string): Uint8Array {
  const bytes = Buffer.alloc(2048);
  Buffer.from(OLE2_HEADER).copy(bytes, 0);
  Buffer.from(stream, 'utf16le').copy(bytes, 1024);
  return new Uint8Array(bytes);
}

describe('import: telling the format of a document', () => {
  it('refuses a Word 97-2003 document (.doc) and says to save it as .docx', async () => {
    assert.deepEqual(await readDocument(ole2('WordDocument'), { fileName: '通知.doc' }), { error: 'legacy-word', format: 'doc', detail: 'a legacy Word file (.doc): save it as .docx' });
  });

  it('knows a .doc by its content even when it is named .txt', async () => {
    assert.equal(((await readDocument(ole2('WordDocument'), { fileName: '通知.txt' })) as { error: string }).error, 'legacy-word');
  });

  it('refuses an Excel 97-2003 workbook (.xls) and says to save it as .xlsx', async () => {
    assert.deepEqual(await readDocument(ole2('Workbook')), { error: 'legacy-word', format: 'xls', detail: 'a legacy Excel file (.xls): save it as .xlsx' });
  });

  it('refuses a WPS Writer file by its extension, with the WPS way to save it as .docx', async () => {
    const result = (await readDocument(ole2('WordDocument'), { fileName: '意见.WPS' })) as { error: string; detail: string };
    assert.equal(result.error, 'wps');
    assert.match(result.detail, /\.docx/);
  });

  it('refuses an RTF file', async () => {
    assert.deepEqual(await readDocument(new Uint8Array(Buffer.from('{\\rtf1\\ansi 一、总体要求}')), { fileName: 'a.doc' }), { error: 'unsupported', format: 'rtf', detail: 'an RTF file: save it as .docx' });
  });

  it('reports random bytes as binary, and as a damaged file when named like a format it knows', async () => {
    const bytes = new Uint8Array(randomBytes(4096));
    bytes[0] = 0; // a NUL makes sure that the bytes do not happen to decode
    bytes[1] = 0x80;
    assert.deepEqual(await readDocument(bytes, { fileName: 'x.bin' }), { error: 'binary', format: 'text' });
    assert.equal(((await readDocument(bytes, { fileName: 'x.docx' })) as { error: string }).error, 'corrupt');
  });

  it('reports an empty file, and a file of blank lines, as empty', async () => {
    assert.deepEqual(await readDocument(new Uint8Array(), { fileName: 'a.pdf' }), { error: 'empty' });
    assert.deepEqual(await readDocument(new Uint8Array(Buffer.from(' \r\n\u3000\n'))), { error: 'empty', format: 'text' });
  });

  it('refuses a file over the size limit before looking inside', async () => {
    const bytes = new Uint8Array(MAX_FILE_BYTES + 1);
    bytes.set(Buffer.from('%PDF-1.7'));
    assert.deepEqual(await readDocument(bytes), { error: 'too-large' });
  });

  it('refuses a Word file whose entries unpack to more than 256 MB before inflating any (a zip bomb)', async () => {
    const docx = Buffer.from(await docxFromText('一、任务\n（一）甲。（省科技厅负责）'));
    const honest = unpackedSize(docx)!;
    assert.ok(honest > 0 && honest < 1024 * 1024, `${honest}`);
    // Claim 1 GB for the first entry in the central directory, as a bomb's directory does.
    const central = docx.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    docx.writeUInt32LE(1024 * 1024 * 1024, central + 24);
    const read = await readDocument(docx, { fileName: 'bomb.docx' });
    assert.ok('error' in read && read.error === 'too-large', JSON.stringify(read));
  });
});
