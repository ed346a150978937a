// ModI: error answers (4xx, 5xx, default) are RFC 9457 problem documents, application/problem+json.
export default function modiProblemJson(response, _options, context) {
  const status = String(context.path[context.path.length - 1]);
  if (!/^([45]\d\d|[45]XX|default)$/.test(status)) return [];
  if (!response || typeof response !== 'object') return [];
  const types = Object.keys(response.content ?? {});
  if (!types.includes('application/problem+json'))
    return [{ message: `La risposta ${status} deve usare application/problem+json (trovato: ${types.join(', ') || 'nessun contenuto'}).` }];
  const others = types.filter((t) => t !== 'application/problem+json');
  if (others.length) return [{ message: `La risposta ${status} dichiara anche ${others.join(', ')}: gli errori sono solo application/problem+json.` }];
  return [];
}
