/**
 * Use case: HR sets the programme's targets, indicator by indicator and year by year, within the
 * plan's three years; a null value removes a saved target (back to the default or "da definire").
 * Every entry is checked before anything is written (unknown indicator, year outside the plan,
 * value unfit for the unit: 422, nothing saved). Audited with the values before and after.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { polaScope } from './pola-access.js';
import { defaultSettings } from './pola-data.js';
import { indicatorDef, planYears, targetValueProblem } from './pola-indicators.js';
import * as repo from './pola.repo.js';
import { polaErrors as E } from '../remote-work.errors.js';
import { clock } from '../../../platform/clock.js';

export interface TargetInput {
  indicator: string;
  year: number;
  value: number | null;
}

export async function updatePolaTargets(db: Db, auth: AuthContext, input: { targets: TargetInput[] }, meta: { ip?: string } = {}): Promise<{ years: number[]; targets: repo.TargetRow[] }> {
  const organizationId = polaScope(auth);
  return db.tx(dbContext(auth), async (tx) => {
    const settings = (await repo.selectSettings(tx, organizationId)) ?? defaultSettings(clock.today());
    const years = planYears(settings.firstYear);
    const seen = new Set<string>();
    input.targets.forEach((t, i) => {
      const def = indicatorDef(t.indicator);
      const field = [{ field: `targets.${i}`, message: '' }];
      if (!def) throw E.unknownIndicator(`Indicatore «${t.indicator}» sconosciuto.`, undefined, [{ ...field[0], message: 'indicatore sconosciuto' }]);
      if (!years.includes(t.year)) {
        throw E.yearOutsidePlan(`Il piano copre gli anni ${years.join(', ')}.`, { years }, [{ field: `targets.${i}.year`, message: `anno fuori dal triennio ${years[0]}–${years[2]}` }]);
      }
      const key = `${t.indicator}|${t.year}`;
      if (seen.has(key)) throw E.invalidTarget(`L’indicatore «${t.indicator}» compare due volte per il ${t.year}.`, undefined, [{ field: `targets.${i}`, message: 'voce ripetuta' }]);
      seen.add(key);
      if (t.value !== null) {
        const problem = targetValueProblem(def.unit, t.value);
        if (problem) throw E.invalidTarget(`${def.nameIt}, ${t.year}: ${problem}.`, undefined, [{ field: `targets.${i}.value`, message: problem }]);
      }
    });
    const before = await repo.selectTargets(tx, organizationId, years);
    await repo.deleteTargets(tx, organizationId, input.targets.filter((t) => t.value === null));
    await repo.upsertTargets(
      tx,
      organizationId,
      input.targets.filter((t): t is TargetInput & { value: number } => t.value !== null).map((t) => ({ indicator: t.indicator, year: t.year, value: t.value })),
      auth.userId,
    );
    const after = await repo.selectTargets(tx, organizationId, years);
    await auditBy(tx, auth, {
      organizationId,
      action: 'remote_work_pola_targets.update',
      entityType: 'remote_work_pola_targets',
      entityId: organizationId,
      before,
      after,
      ip: meta.ip ?? null,
    });
    return { years, targets: after };
  });
}
