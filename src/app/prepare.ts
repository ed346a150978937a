/** Brings a database to the current version: migrations, then each module's bootstrap. */
import type { Db } from '../platform/db/index.js';
import { migrate } from '../platform/db/migrate.js';
import { modules } from './registry.js';

export async function prepareDatabase(db: Db): Promise<string[]> {
  const applied = await migrate(db);
  for (const m of modules) if (m.bootstrap) await m.bootstrap(db);
  return applied;
}

const DEMO_KEY = 'demo_loaded';

export async function isDemoLoaded(db: Db): Promise<boolean> {
  const r = await db.query('select 1 from platform_settings where key = $1', [DEMO_KEY]);
  return r.rows.length > 0;
}

/** Loads the demo territory once (modules in registry order). */
export async function seedDemo(db: Db): Promise<boolean> {
  if (await isDemoLoaded(db)) return false;
  for (const m of modules) if (m.seedDemo) await m.seedDemo(db);
  await db.query(`insert into platform_settings(key, value) values ($1, to_jsonb(now())) on conflict (key) do nothing`, [DEMO_KEY]);
  return true;
}
