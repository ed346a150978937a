/**
 * No SQL of one module names another module's tables: what a module needs of another's data it
 * asks through that module's index.ts or through SQL functions the owner declares (the people
 * module's `people_*` functions, migrations/0023_people_functions.sql). The only written
 * exceptions are the indicators' roll-ups and territory checks over `organizations`, argued in
 * docs/decisions/0004-indicator-rollups.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const OWNERS: Record<string, string[]> = {
  people: ['users', 'memberships', 'sessions', 'api_tokens', 'login_attempts', 'password_resets', 'oidc_states'],
  organizations: ['organizations', 'organization_links'],
  conferencing: ['bookings', 'conference_platforms', 'conference_platform_members', 'conference_platform_video'],
  'remote-work': ['rw_[a-z_]+'],
};

/** Files allowed to read another module's tables, and which: decision 0004. */
const EXCEPTIONS: Record<string, string[]> = {
  'src/modules/remote-work/indicators/indicators.repo.ts': ['organizations'],
  'src/modules/remote-work/indicators/indicators.test-support.ts': ['organizations'],
  // test data only: a body's patron day set as the owner, to plan around it
  'src/modules/remote-work/plans/plans.test-support.ts': ['organizations'],
};

const ROOT = path.resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return files(p);
    return /\.ts$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [p] : [];
  });
}

/** Tables of other modules that a source names in SQL (after from, join, into, update, table). */
export function crossings(module: string, source: string): string[] {
  const found = new Set<string>();
  for (const [owner, tables] of Object.entries(OWNERS)) {
    if (owner === module) continue;
    const re = new RegExp(`\\b(?:from|join|into|update|table)\\s+(${tables.join('|')})\\b(?!\\s*\\()`, 'gi');
    for (const m of source.matchAll(re)) found.add(m[1].toLowerCase());
  }
  return [...found].sort();
}

describe('SQL boundaries between modules', () => {
  it('finds a planted crossing, and not a call of the owner’s functions', () => {
    expect(crossings('remote-work', 'select u.email from memberships m join users u on u.id = m.user_id')).toEqual(['memberships', 'users']);
    expect(crossings('remote-work', 'select email from people_members($1) where role = $2')).toEqual([]);
    expect(crossings('conferencing', 'select 1 from rw_offices o')).toEqual(['rw_offices']);
    expect(crossings('remote-work', 'select 1 from rw_offices o')).toEqual([]);
  });

  it('holds in every module, with only the written exceptions', () => {
    const seen: Record<string, string[]> = {};
    for (const module of fs.readdirSync(path.join(ROOT, 'src/modules'))) {
      const dir = path.join(ROOT, 'src/modules', module);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const file of files(dir)) {
        const rel = path.relative(ROOT, file).split(path.sep).join('/');
        const crossed = crossings(module, fs.readFileSync(file, 'utf8')).filter((t) => !(EXCEPTIONS[rel] ?? []).includes(t));
        if (crossed.length) seen[rel] = crossed;
      }
    }
    expect(seen).toEqual({});
  });
});
