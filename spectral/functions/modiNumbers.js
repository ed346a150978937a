// ModI: every integer has format int32 or int64, every number float or double, and both have an
// upper bound (maximum or exclusiveMaximum). Walks every schema of the document (components,
// parameters, headers, bodies) through the keywords that hold sub-schemas.
const FORMATS = { integer: ['int32', 'int64'], number: ['float', 'double'] };
const ONE = ['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties'];
const MANY = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

function checkSchema(schema, path, results, seen) {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema) || seen.has(schema)) return;
  seen.add(schema);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  for (const type of types) {
    if (!FORMATS[type]) continue;
    if (!FORMATS[type].includes(schema.format))
      results.push({ message: `Uno schema ${type} deve avere format ${FORMATS[type].join(' o ')}${schema.format ? ` (trovato: ${schema.format})` : ''}.`, path });
    if (schema.maximum === undefined && schema.exclusiveMaximum === undefined && schema.enum === undefined && schema.const === undefined)
      results.push({ message: `Uno schema ${type} deve avere un limite superiore (maximum).`, path });
  }
  for (const k of ONE) if (schema[k] && typeof schema[k] === 'object') checkSchema(schema[k], [...path, k], results, seen);
  for (const k of MANY) if (Array.isArray(schema[k])) schema[k].forEach((s, i) => checkSchema(s, [...path, k, i], results, seen));
  for (const k of MAP) if (schema[k] && typeof schema[k] === 'object') for (const [n, s] of Object.entries(schema[k])) checkSchema(s, [...path, k, n], results, seen);
}

/** Finds the schemas of an OpenAPI document: under `schema` keys and components.schemas. */
function findSchemas(node, path, results, seen, visited) {
  if (!node || typeof node !== 'object' || visited.has(node)) return;
  visited.add(node);
  for (const [key, value] of Object.entries(node)) {
    if (!value || typeof value !== 'object') continue;
    if (key === 'schema' && !Array.isArray(value)) checkSchema(value, [...path, key], results, seen);
    else if (key === 'schemas' && path.length === 1 && path[0] === 'components')
      for (const [n, s] of Object.entries(value)) checkSchema(s, [...path, key, n], results, seen);
    else if (key !== 'examples' && key !== 'example') findSchemas(value, [...path, key], results, seen, visited);
  }
}

export default function modiNumbers(doc) {
  const results = [];
  findSchemas(doc, [], results, new WeakSet(), new WeakSet());
  return results;
}
