/**
 * A small reader of RFC 5322 / MIME messages, enough for the outbox pages and the tests: headers
 * (RFC 2047 encoded words decoded), the plain-text and HTML bodies, and the attachments' names.
 */
export interface ParsedPart {
  headers: Array<{ name: string; value: string }>;
  contentType: string;
  filename: string | null;
  body: Buffer;
}

export interface ParsedMessage {
  headers: Array<{ name: string; value: string }>;
  text: string | null;
  html: string | null;
  attachments: Array<{ filename: string | null; contentType: string; size: number; content: Buffer }>;
}

function decodeCharset(buf: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder((charset || 'utf-8').toLowerCase()).decode(buf);
  } catch {
    return buf.toString('utf8');
  }
}

function decodeQuotedPrintable(s: string, header = false): Buffer {
  const src = header ? s.replace(/_/g, ' ') : s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
    }
  }
  return Buffer.from(bytes);
}

/** Decodes RFC 2047 encoded words (`=?utf-8?Q?…?=`, `=?utf-8?B?…?=`). */
export function decodeHeaderValue(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?[^?]+\?[BbQq]\?[^?]*\?=)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, enc: string, text: string) => {
      const cs = charset.split('*')[0];
      const buf = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text, true);
      return decodeCharset(buf, cs);
    });
}

function splitHeaderBody(raw: Buffer): { head: string; body: Buffer } {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  let at = -1;
  let sep = 0;
  if (crlf >= 0 && (lf < 0 || crlf < lf)) {
    at = crlf;
    sep = 4;
  } else if (lf >= 0) {
    at = lf;
    sep = 2;
  }
  if (at < 0) return { head: raw.toString('latin1'), body: Buffer.alloc(0) };
  return { head: raw.subarray(0, at).toString('latin1'), body: raw.subarray(at + sep) };
}

export function parseHeaders(head: string): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && out.length) out[out.length - 1].value += ' ' + line.trim();
    else {
      const i = line.indexOf(':');
      if (i > 0) out.push({ name: line.slice(0, i).trim(), value: line.slice(i + 1).trim() });
    }
  }
  // Headers are 7-bit with encoded words; raw UTF-8 (RFC 6532) is read as UTF-8.
  return out.map((h) => ({ name: h.name, value: decodeHeaderValue(Buffer.from(h.value, 'latin1').toString('utf8')) }));
}

function headerOf(headers: Array<{ name: string; value: string }>, name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}

function params(value: string): { value: string; params: Record<string, string> } {
  const [first, ...rest] = value.split(';');
  const p: Record<string, string> = {};
  for (const item of rest) {
    const i = item.indexOf('=');
    if (i < 0) continue;
    let k = item.slice(0, i).trim().toLowerCase();
    let v = item.slice(i + 1).trim().replace(/^"(.*)"$/, '$1');
    if (k.endsWith('*')) {
      // RFC 2231: charset''percent-encoded
      k = k.slice(0, -1);
      const m = /^([^']*)'[^']*'(.*)$/.exec(v);
      if (m) v = decodeCharset(Buffer.from(m[2].replace(/%([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1'), m[1]);
    }
    p[k] = v;
  }
  return { value: first.trim().toLowerCase(), params: p };
}

function decodeBody(body: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').toLowerCase().trim()) {
    case 'base64':
      return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body.toString('latin1'));
    default:
      return body;
  }
}

function walk(raw: Buffer, out: ParsedMessage, depth: number): Array<{ name: string; value: string }> {
  const { head, body } = splitHeaderBody(raw);
  const headers = parseHeaders(head);
  const ct = params(headerOf(headers, 'content-type') ?? 'text/plain; charset=utf-8');
  const disposition = params(headerOf(headers, 'content-disposition') ?? '');
  if (ct.value.startsWith('multipart/') && ct.params.boundary && depth < 10) {
    const boundary = `--${ct.params.boundary}`;
    const text = body.toString('latin1');
    const pieces = text.split(boundary);
    // pieces[0] is the preamble; the last one starts with "--" (the epilogue).
    for (const piece of pieces.slice(1)) {
      if (piece.startsWith('--')) break;
      const part = Buffer.from(piece.replace(/^\r?\n/, '').replace(/\r?\n$/, ''), 'latin1');
      walk(part, out, depth + 1);
    }
    return headers;
  }
  const content = decodeBody(body, headerOf(headers, 'content-transfer-encoding'));
  const filename = disposition.params.filename ?? ct.params.name ?? null;
  const isAttachment = disposition.value === 'attachment' || (filename !== null && !ct.value.startsWith('text/plain') && !ct.value.startsWith('text/html'));
  if (!isAttachment && ct.value === 'text/plain' && out.text === null) out.text = decodeCharset(content, ct.params.charset);
  else if (!isAttachment && ct.value === 'text/html' && out.html === null) out.html = decodeCharset(content, ct.params.charset);
  else out.attachments.push({ filename, contentType: ct.value, size: content.length, content });
  return headers;
}

export function parseEml(raw: Buffer): ParsedMessage {
  const out: ParsedMessage = { headers: [], text: null, html: null, attachments: [] };
  out.headers = walk(raw, out, 0);
  return out;
}

export function header(m: Pick<ParsedMessage, 'headers'>, name: string): string | undefined {
  return headerOf(m.headers, name);
}
