/**
 * The project's one boundary rule (`agilepa/boundaries`), on resolved paths so that the depth of a
 * relative import does not matter. See docs/architecture.md, "Boundaries":
 * - `src/platform/` imports nothing above it (no `src/modules/`, `src/app/`, `src/web/`);
 * - a module is entered only through its `index.ts`: `src/modules/<other>/index.ts`;
 * - inside a module, a slice is entered only through its `index.ts`; the module's own root files
 *   (errors, module definition) are open to its slices;
 * - a web file imports server code only as types, or from the pure code meant to be shared: the
 *   calendar (`src/platform/calendar/`), rules (`*-rules.ts`, `rules/`) and request schemas
 *   (`*.schemas.ts`);
 * - tests, test support and benchmarks may reach inside slices (they test them), but
 *   `src/platform/` tests still may not import modules;
 * - the app (`src/app/`) composes the modules from their definitions (`module.ts`).
 */
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const rel = (p) => path.relative(ROOT, p).split(path.sep).join('/');
const isTest = (f) => /\.test(-support)?\.tsx?$/.test(f) || f.startsWith('test/') || f.startsWith('bench/');
const SHARED_WITH_WEB = [/^src\/platform\/calendar\//, /-rules\.ts$/, /\/rules\//, /\.schemas\.ts$/];

/** 'src/modules/remote-work/plans/run-plan.ts' -> { module: 'remote-work', slice: 'plans' }; root files have slice null. */
function place(file) {
  const m = /^src\/modules\/([^/]+)\/(.+)$/.exec(file);
  if (!m) return null;
  const parts = m[2].split('/');
  return { module: m[1], slice: parts.length > 1 ? parts[0] : null, rest: parts.slice(1).join('/') || parts[0] };
}

/** The problem with importing `target` from `source` (repository-relative, target with .ts), or null. */
export function boundaryProblem(source, target, { typeOnly = false } = {}) {
  if (!target.startsWith('src/')) return null;
  if (source.startsWith('src/platform/') && /^src\/(modules|app|web)\//.test(target)) return 'platform/ non importa moduli, app né web: sposta il codice in platform/ o passa la dipendenza dall’app';
  if (source.startsWith('src/web/')) {
    if (target.startsWith('src/web/') || typeOnly || isTest(source)) return null;
    if (SHARED_WITH_WEB.some((r) => r.test(target))) return null;
    return 'il web importa dal server solo tipi, regole (*-rules.ts, rules/), schemi (*.schemas.ts) e il calendario';
  }
  const to = place(target);
  if (!to || isTest(source)) return null;
  const from = place(source);
  if (!from || from.module !== to.module) {
    // the app composes the modules from their definitions (src/app/registry.ts)
    if (source.startsWith('src/app/') && target === `src/modules/${to.module}/module.ts`) return null;
    return target === `src/modules/${to.module}/index.ts` ? null : `un modulo si usa solo dal suo index.ts (src/modules/${to.module}/index.ts)`;
  }
  if (to.slice === null || to.slice === from.slice) return null;
  return to.rest === 'index.ts' ? null : `una fetta si usa solo dal suo index.ts (src/modules/${to.module}/${to.slice}/index.ts)`;
}

function resolveSpecifier(fromFile, spec) {
  if (!spec.startsWith('.')) return null;
  const abs = path.resolve(path.dirname(fromFile), spec);
  const r = rel(abs);
  if (/\.jsx?$/.test(r)) return r.replace(/\.js(x?)$/, '.ts$1');
  if (/\.tsx?$/.test(r) || path.extname(r)) return r;
  return `${r}.ts`;
}

export default {
  meta: { type: 'problem', docs: { description: 'Slices, modules and platform import each other only through the allowed doors' }, schema: [] },
  create(context) {
    const file = rel(context.filename ?? context.getFilename());
    if (!file.startsWith('src/') && !file.startsWith('test/') && !file.startsWith('bench/')) return {};
    const check = (node, spec, typeOnly) => {
      const target = resolveSpecifier(path.join(ROOT, file), spec);
      if (!target) return;
      const problem = boundaryProblem(file, target, { typeOnly });
      if (problem) context.report({ node, message: `Import non consentito di '${spec}': ${problem}.` });
    };
    return {
      ImportDeclaration(node) {
        check(node.source, node.source.value, node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type')));
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node.source, node.source.value, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node.source, node.source.value, node.exportKind === 'type');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') check(node.source, node.source.value, false);
      },
    };
  },
};
