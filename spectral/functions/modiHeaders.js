// A response declares every header in `options.all` (names compared without case), or at least
// one of `options.any`; `options.statuses` (a regular expression) limits the responses checked.
export default function modiHeaders(response, options, context) {
  const status = String(context.path[context.path.length - 1]);
  if (options.statuses && !new RegExp(options.statuses).test(status)) return [];
  if (!response || typeof response !== 'object') return [];
  const declared = new Set(Object.keys(response.headers ?? {}).map((h) => h.toLowerCase()));
  const results = [];
  for (const name of options.all ?? []) {
    if (!declared.has(name.toLowerCase())) results.push({ message: `La risposta ${status} deve dichiarare l’intestazione ${name}.` });
  }
  if (options.any && !options.any.some((name) => declared.has(name.toLowerCase())))
    results.push({ message: `La risposta ${status} deve dichiarare un’intestazione di cache: una tra ${options.any.join(', ')}.` });
  return results;
}
