/** The one error mapper: transactions that kept deadlocking answer 503 with Retry-After; errors' retryAfter sets the header. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import net from 'node:net';
import { registerProblemHandling, sendClientErrorProblem } from './problem.js';
import { defineError } from './errors.js';

const slowDown = defineError('test.slow_down', { status: 429, title: 'Piano', titleEn: 'Slow down' });
let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  registerProblemHandling(app);
  app.get('/deadlock', async () => {
    throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
  });
  app.get('/serialization', async () => {
    throw Object.assign(new Error('could not serialize access'), { code: '40001' });
  });
  app.get('/slow', async () => {
    throw slowDown('Riprova tra poco.', { retryAfter: 12.2 });
  });
  app.get('/plain', async () => {
    throw slowDown('Riprova tra poco.');
  });
  await app.ready();
});
afterAll(() => app.close());

describe('problem mapping', () => {
  it('answers 503 database.busy with Retry-After for deadlocks and serialization failures', async () => {
    for (const url of ['/deadlock', '/serialization']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.json()).toMatchObject({ code: 'database.busy', status: 503, retryAfter: 1 });
      expect(res.json().title).toMatch(/riprova/);
    }
  });

  it('sets Retry-After from the error’s data, in whole seconds, and only when it has one', async () => {
    const slow = await app.inject({ url: '/slow' });
    expect(slow.statusCode).toBe(429);
    expect(slow.headers['retry-after']).toBe('13');
    const plain = await app.inject({ url: '/plain' });
    expect(plain.headers['retry-after']).toBeUndefined();
  });
});

describe('requests refused by the HTTP parser', () => {
  it('answers 431 and 400 as problem+json, before Fastify routes them', async () => {
    const server = Fastify({ clientErrorHandler: sendClientErrorProblem });
    server.get('/', async () => ({ ok: true }));
    await server.listen({ port: 0, host: '127.0.0.1' });
    const port = (server.server.address() as { port: number }).port;
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
        let out = '';
        socket.on('data', (d) => (out += d));
        socket.on('end', () => resolve(out));
        socket.on('error', reject);
      });
    try {
      const big = await raw(`GET / HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(big).toMatch(/^HTTP\/1\.1 431 /);
      expect(big).toContain('content-type: application/problem+json');
      expect(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 431, code: 'request.headers_too_large', title: 'Intestazioni della richiesta troppo grandi' });
      const broken = await raw('NOT A REQUEST\r\n\r\n');
      expect(broken).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(broken.slice(broken.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, code: 'request.malformed' });
    } finally {
      await server.close();
    }
  });
});
