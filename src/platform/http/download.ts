/**
 * One way to answer with a file (CSV, PDF, DOCX, ICS): its type, its name as the browser saves it
 * (RFC 6266: an ASCII `filename` for old clients and the exact UTF-8 `filename*`), never cached by
 * a shared proxy, and a body that is text, bytes, or chunks streamed as they are produced.
 */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

type Chunk = string | Uint8Array;

export interface Download {
  contentType: string;
  filename: string;
  content: Chunk | Iterable<Chunk> | AsyncIterable<Chunk>;
  /** `attachment` (saved, the default) or `inline` (shown or subscribed to, as a calendar feed). */
  disposition?: 'attachment' | 'inline';
  /** Cache-Control; `no-store` unless a feed may be kept a few minutes. */
  cacheControl?: string;
}

/** The Content-Disposition value of a file name, with an ASCII fallback for clients without RFC 5987. */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const exact = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return ascii === filename ? `${disposition}; filename="${ascii}"` : `${disposition}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

export function sendDownload<R extends FastifyReply>(reply: R, file: Download): R {
  const { content } = file;
  const body = typeof content === 'string' || content instanceof Uint8Array ? content : Readable.from(content);
  (reply as FastifyReply)
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.filename, file.disposition))
    .header('cache-control', file.cacheControl ?? 'no-store')
    .send(body);
  return reply;
}
