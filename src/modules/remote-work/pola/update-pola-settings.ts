/**
 * Use case: HR sets the POLA's first year (the three years of the PIAO), forces the simplified form
 * on or off (null: automatic, up to 50 employees) and writes its own notes for each part. Audited.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { polaScope } from './pola-access.js';
import { defaultSettings, type NoteSection, type PolaSettings } from './pola-data.js';
import * as repo from './pola.repo.js';
import { clock } from '../../../platform/clock.js';

export interface PolaSettingsInput {
  firstYear: number;
  simplifiedOverride: boolean | null;
  notes: Partial<Record<NoteSection, string>>;
}

export async function updatePolaSettings(db: Db, auth: AuthContext, input: PolaSettingsInput, meta: { ip?: string } = {}): Promise<PolaSettings> {
  const organizationId = polaScope(auth);
  // empty notes are dropped, so "no note" has one form
  const notes = Object.fromEntries(Object.entries(input.notes).filter(([, v]) => typeof v === 'string' && v.trim().length > 0)) as PolaSettings['notes'];
  return db.tx(dbContext(auth), async (tx) => {
    const before = (await repo.selectSettings(tx, organizationId)) ?? defaultSettings(clock.today());
    await repo.upsertSettings(tx, organizationId, { firstYear: input.firstYear, simplifiedOverride: input.simplifiedOverride, notes }, auth.userId);
    const after = (await repo.selectSettings(tx, organizationId))!;
    await auditBy(tx, auth, {
      organizationId,
      action: 'remote_work_pola_settings.update',
      entityType: 'remote_work_pola_settings',
      entityId: organizationId,
      before: { firstYear: before.firstYear, simplifiedOverride: before.simplifiedOverride, notes: before.notes },
      after: { firstYear: after.firstYear, simplifiedOverride: after.simplifiedOverride, notes: after.notes },
      ip: meta.ip ?? null,
    });
    return { ...after, notes: after.notes as PolaSettings['notes'] };
  });
}
