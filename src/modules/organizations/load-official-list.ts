/**
 * Bootstrap (runs at every start-up): loads the official list of regions, provinces and
 * municipalities once per list version. When the recorded version matches, it costs one query.
 * Upserts on the ISTAT code (regions, municipalities) and the sigla (provinces), so re-runs and
 * package updates never duplicate; bodies that leave the list are kept (memberships may point at them).
 */
import type { Db } from '../../platform/db/index.js';
import { loadOfficialList } from './official-list.js';
import { searchNameOf } from './search-name.js';
import * as repo from './organizations.repo.js';

export async function loadOfficialListIntoDb(db: Db): Promise<{ loaded: boolean; version: string }> {
  const list = loadOfficialList();
  if ((await repo.selectLoadedVersion(db)) === list.version) return { loaded: false, version: list.version };
  await db.ownerTx(async (tx) => {
    // one loader at a time across processes sharing a PostgreSQL database
    await tx.query('select pg_advisory_xact_lock(7312004)');
    if ((await repo.selectLoadedVersion(tx)) === list.version) return;
    await repo.upsertOfficialList(tx, list, searchNameOf);
  });
  return { loaded: true, version: list.version };
}
