import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deepFreeze, responseSerializerCompiler } from './serializer.js';

const compile = () =>
  responseSerializerCompiler({ schema: z.object({ n: z.number().int(), items: z.array(z.string()) }), method: 'GET', url: '/x', httpStatus: '200' } as never);

describe('response serializer', () => {
  it('validates every response, frozen or not', () => {
    const serialize = compile();
    expect(() => serialize({ n: 'one', items: [] })).toThrow();
    expect(() => serialize(deepFreeze({ n: 1.5, items: [] }))).toThrow();
    expect(serialize({ n: 1, items: ['a'] })).toBe('{"n":1,"items":["a"]}');
  });

  it('serializes a frozen response once, and a mutable one every time', () => {
    const serialize = compile();
    const shared = deepFreeze({ n: 1, items: ['a'] });
    expect(Object.isFrozen(shared.items)).toBe(true);
    expect(serialize(shared)).toBe('{"n":1,"items":["a"]}');
    expect(serialize(shared)).toBe('{"n":1,"items":["a"]}');
    const mutable = { n: 1, items: ['a'] };
    expect(serialize(mutable)).toBe('{"n":1,"items":["a"]}');
    mutable.items.push('b');
    expect(serialize(mutable)).toBe('{"n":1,"items":["a","b"]}');
  });
});
