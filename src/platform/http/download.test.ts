import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { contentDisposition, sendDownload } from './download.js';

describe('sendDownload', () => {
  it('names the file in ASCII and, when it has other letters, exactly in UTF-8', () => {
    expect(contentDisposition('dipendenti-2026-12-07.csv')).toBe('attachment; filename="dipendenti-2026-12-07.csv"');
    expect(contentDisposition('accordo-Agliè "bis".pdf')).toBe(`attachment; filename="accordo-Aglie _bis_.pdf"; filename*=UTF-8''accordo-Agli%C3%A8%20%22bis%22.pdf`);
    expect(contentDisposition('lavoro-agile.ics', 'inline')).toBe('inline; filename="lavoro-agile.ics"');
  });

  it('sends text, bytes and streamed chunks with the type, the name and no-store', async () => {
    const app = Fastify();
    app.get('/text', (_req, reply) => sendDownload(reply, { contentType: 'text/csv; charset=utf-8', filename: 'a.csv', content: 'x;y\r\n' }));
    app.get('/bytes', (_req, reply) => sendDownload(reply, { contentType: 'application/pdf', filename: 'a.pdf', content: new Uint8Array([37, 80, 68, 70]) }));
    async function* rows() {
      for (let i = 0; i < 3; i++) yield `riga ${i}\r\n`;
    }
    app.get('/stream', (_req, reply) => sendDownload(reply, { contentType: 'text/csv', filename: 'b.csv', content: rows(), cacheControl: 'private, no-store' }));
    const text = await app.inject('/text');
    expect(text.headers).toMatchObject({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="a.csv"', 'cache-control': 'no-store' });
    expect(text.body).toBe('x;y\r\n');
    expect((await app.inject('/bytes')).body).toBe('%PDF');
    const stream = await app.inject('/stream');
    expect(stream.body).toBe('riga 0\r\nriga 1\r\nriga 2\r\n');
    expect(stream.headers['cache-control']).toBe('private, no-store');
    await app.close();
  });
});
