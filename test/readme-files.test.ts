/**
 * The modules' READMEs and docs/architecture.md name only files that exist: a file name in
 * backticks (`create-booking.ts`, `bookings/bookings.repo.ts`, `src/platform/csv.ts`,
 * `migrations/0012_remote_work.sql`) must be found — a bare name or a relative path inside the
 * module's folder, a path with a top-level folder from the project's root.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const TOP = /^(src|docs|migrations|test|bench|scripts|spectral|bin|\.ci)\//;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/'));
}

/** Where a bare name may live: the module's folder, its web folder, the migrations and the tests. */
function candidates(moduleDir: string | null): string[] {
  const dirs = [moduleDir, moduleDir?.replace(/^src\/modules\//, 'src/web/modules/'), 'migrations', 'test'].filter((d): d is string => !!d && fs.existsSync(path.join(ROOT, d)));
  return dirs.flatMap((d) => filesUnder(path.join(ROOT, d)));
}

function missing(doc: string, moduleDir: string | null): string[] {
  const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
  const inModule = candidates(moduleDir);
  const names = new Set([...text.matchAll(/`([\w./-]+\.(?:ts|tsx|sql|md|mjs|json|yaml))`/g)].map((m) => m[1]));
  return [...names].filter((name) => {
    if (TOP.test(name)) return !fs.existsSync(path.join(ROOT, name));
    if (name.includes('/')) return !inModule.some((f) => f === name || f.endsWith(`/${name}`)) && !fs.existsSync(path.join(ROOT, 'src', name)) && !fs.existsSync(path.join(ROOT, 'src/modules', name));
    return !inModule.some((f) => f === name || f.endsWith(`/${name}`));
  });
}

const modules = fs.readdirSync(path.join(ROOT, 'src/modules')).filter((m) => fs.existsSync(path.join(ROOT, 'src/modules', m, 'README.md')));

describe('file names in the documentation', () => {
  it.each(modules)('src/modules/%s/README.md names only files that exist', (m) => {
    expect(missing(`src/modules/${m}/README.md`, `src/modules/${m}`)).toEqual([]);
  });

  it('docs/architecture.md names only files that exist', () => {
    expect(missing('docs/architecture.md', null).filter((n) => n.includes('/'))).toEqual([]);
  });
});

describe('settings in the README', () => {
  it('lists every setting the configuration reads', () => {
    const config = fs.readFileSync(path.join(ROOT, 'src/platform/config.ts'), 'utf8');
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const keys = [...config.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(15);
    expect(keys.filter((k) => !readme.includes(`\`${k}\``))).toEqual([]);
  });
});

