/**
 * Test support: read back what renderPdf and renderDocx wrote, without extra packages.
 * - `pdfText`: the text a pdfkit PDF shows (content streams inflated; the strings of the Tj/TJ
 *   operators decoded from WinAnsi), whitespace collapsed.
 * - `unzip`: the entries of a zip (a DOCX), from its central directory.
 * - `docxText`: the text of word/document.xml (runs joined per paragraph, XML entities decoded).
 */
import { inflateRawSync, inflateSync } from 'node:zlib';

const WIN_ANSI: Record<number, string> = {
  0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
};

function decode(bytes: Buffer): string {
  let s = '';
  for (const b of bytes) s += WIN_ANSI[b] ?? String.fromCharCode(b);
  return s;
}

/** The bytes of a PDF literal string `(…)` with its escapes. */
function literal(body: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out.push(c.charCodeAt(0) & 0xff);
      continue;
    }
    const n = body[++i];
    const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (n in esc) out.push(esc[n]);
    else if (/[0-7]/.test(n)) {
      let oct = n;
      while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) oct += body[++i];
      out.push(parseInt(oct, 8) & 0xff);
    }
  }
  return Buffer.from(out);
}

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const marker = /stream\r?\n/g;
  for (let m = marker.exec(raw); m; m = marker.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      marker.lastIndex = end + 'endstream'.length;
      continue;
    }
    for (const line of content.split('\n')) {
      if (!/T[Jj]\s*$/.test(line)) continue;
      const parts = [...line.matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g)].map((p) =>
        p[1] !== undefined ? Buffer.from(p[1], 'hex') : literal(p[2]),
      );
      if (parts.length) lines.push(decode(Buffer.concat(parts)));
    }
    marker.lastIndex = end + 'endstream'.length;
  }
  return lines.join(' ').replace(/\s+/g, ' ');
}

export function unzip(zip: Buffer): Record<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('broken central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const localHeader = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    files[name] = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of a DOCX's body: one line per paragraph, the runs of a paragraph joined. */
export function docxText(docx: Buffer): string {
  const xml = unzip(docx)['word/document.xml']?.toString('utf8');
  if (xml === undefined) throw new Error('no word/document.xml');
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter((s) => s.length > 0)
    .join('\n')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e])
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}
