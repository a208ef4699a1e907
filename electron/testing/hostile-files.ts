/**
 * Hostile files for tests, made in memory in a moment: a .docx whose document.xml inflates to hundreds
 * of megabytes, an .xlsx of a million rows, a .zip whose directory lies about an entry's size, a picture
 * whose header declares billions of pixels. The .zip is written byte by byte (not by a zip library, which
 * would refuse to lie).
 */
import zlib from 'node:zlib';

const MB = 1024 * 1024;

export interface RawEntry {
  name: string;
  /** The bytes as stored (deflated when method is 8). */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  /** The uncompressed size the headers declare (a lie when it differs from what `data` inflates to). */
  size: number;
}

/** A .zip of `entries` exactly as given: local headers, data, central directory, end record (no ZIP64). */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** An entry deflated honestly. */
export function deflated(name: string, content: Buffer | string): RawEntry {
  const b = Buffer.from(content);
  return { name, data: zlib.deflateRawSync(b), method: 8, crc: zlib.crc32(b), size: b.length };
}

/**
 * `unit` repeated `times` times, deflated once and the compressed block repeated (each block flushed to
 * a byte boundary, so blocks join into one valid stream): hundreds of megabytes made in milliseconds.
 */
export function repeatedEntry(name: string, head: string, unit: string, times: number, tail: string): RawEntry {
  const unitBytes = Buffer.byteLength(unit);
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor(MB / unitBytes))));
  const blocks = Math.ceil((times * unitBytes) / block.length);
  const flushed = (b: Buffer) => zlib.deflateRawSync(b, { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 });
  const parts = [flushed(Buffer.from(head))];
  const body = flushed(block);
  let crc = zlib.crc32(head);
  for (let i = 0; i < blocks; i++) {
    parts.push(body);
    crc = zlib.crc32(block, crc);
  }
  const end = Buffer.from(tail);
  parts.push(zlib.deflateRawSync(end));
  crc = zlib.crc32(end, crc);
  return { name, data: Buffer.concat(parts), method: 8, crc, size: Buffer.byteLength(head) + blocks * block.length + end.length };
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>';

/** A .docx whose word/document.xml inflates to about `megabytes` MB of paragraphs (the issue's: 414). */
export function docxBomb(megabytes = 414): Buffer {
  const p = '<w:p><w:r><w:t>督导档案</w:t></w:r></w:p>';
  return rawZip([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    repeatedEntry('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
      p, Math.ceil((megabytes * MB) / Buffer.byteLength(p)), '</w:body></w:document>'),
  ]);
}

/**
 * A .docx of about `megabytes` MB of real paragraphs (each different, so it deflates as text does):
 * honest, within the limits, and still far too large for a DOM reader.
 */
export function longDocx(megabytes: number): Buffer {
  const parts = ['<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'];
  let size = 0;
  for (let n = 0; size < megabytes * MB; n++) {
    const p = `<w:p><w:r><w:t xml:space="preserve">第${n}段：督导工作记录 ${(n * 7919) % 10007} &amp; 整改</w:t></w:r><w:r><w:tab/><w:t>${n % 97}号</w:t></w:r></w:p>`;
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  parts.push('</w:body></w:document>');
  const xml = Buffer.from(parts.join(''));
  return rawZip([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    { name: 'word/document.xml', data: zlib.deflateRawSync(xml, { level: 1 }), method: 8, crc: zlib.crc32(xml), size: xml.length },
  ]);
}

/**
 * An .xlsx of `rows` rows of one number each, deflated for real (each row differs): a million rows make
 * a sheet of about 35 MB, under the per-entry limit, in a file of a few megabytes.
 */
export function manyRowsXlsx(rows = 1_000_000, cell = (r: number) => `<c><v>${r}</v></c>`): Buffer {
  const sheet: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let r = 1; r <= rows; r++) sheet.push(`<row r="${r}">${cell(r)}</row>`);
  sheet.push('</sheetData></worksheet>');
  const xml = Buffer.from(sheet.join(''));
  return rawZip([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    deflated('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      + 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    deflated('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    { name: 'xl/worksheets/sheet1.xml', data: zlib.deflateRawSync(xml, { level: 1 }), method: 8, crc: zlib.crc32(xml), size: xml.length },
  ]);
}

/** A PNG whose header declares width × height pixels, with a few bytes of image data (never decodable). */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}
