/**
 * The response serializer of every route: the zod schema validates (and encodes) each response
 * before it is written, so a route can never answer outside its documented shape.
 *
 * A frozen response (a shared, immutable value such as a page of a cache) is validated and
 * serialized once per route and status, then its JSON text is reused: a cache hit costs no
 * validation. Only frozen objects are remembered, so nothing mutable can go stale.
 */
import { serializerCompiler } from 'fastify-type-provider-zod';

type Compiler = typeof serializerCompiler;

export const responseSerializerCompiler: Compiler = (route) => {
  const serialize = serializerCompiler(route);
  const memo = new WeakMap<object, string>();
  return (data: unknown) => {
    if (data === null || typeof data !== 'object' || !Object.isFrozen(data)) return serialize(data);
    let text = memo.get(data);
    if (text === undefined) {
      text = serialize(data);
      memo.set(data, text);
    }
    return text;
  };
};

/** Freezes a value and everything inside it, so that it can be shared (and serialized once). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
