/**
 * Use case: HR or an office manager sets an objective for an office, a team or a person, with its
 * indicators, period and responsible people. The rules (objective-rules.ts) are checked first; the
 * owner must exist in the body and fall under the caller's offices (HR: any); the responsible
 * people must be people of the body. Audited.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { actorOf, managesOfficeOf, requireManager, type ObjectiveActor } from './objective-access.js';
import { objectiveProblems, type IndicatorInput, type Scope } from './objective-rules.js';
import { throwProblems } from './objective-problems.js';
import { objectiveDetail, objectiveSnapshot, type ObjectiveDetail } from './objective-view.js';
import * as repo from './objectives.repo.js';
import { objectiveErrors as E } from '../remote-work.errors.js';

export interface CreateObjectiveInput {
  title: string;
  description: string;
  scope: Scope;
  ownerId: string;
  startsOn: string;
  endsOn: string;
  indicators: IndicatorInput[];
  responsibleUserIds: string[];
}

/** The office an owner falls under (null: a body-wide team), or owner_not_found. */
export async function ownerOffice(tx: Queryable, organizationId: string, scope: Scope, ownerId: string): Promise<string | null> {
  if (scope === 'office') {
    if ((await repo.selectOfficeName(tx, organizationId, ownerId)) === null) throw E.ownerNotFound('Ufficio non trovato nel tuo ente.');
    return ownerId;
  }
  if (scope === 'team') {
    const t = await repo.selectTeam(tx, organizationId, ownerId);
    if (!t) throw E.ownerNotFound('Gruppo di lavoro non trovato nel tuo ente.');
    return t.officeId;
  }
  const [e] = await repo.selectEmployees(tx, organizationId, [ownerId]);
  if (!e || !e.active) throw E.ownerNotFound('Dipendente non trovato tra le persone in servizio dell’ente.');
  return e.officeId;
}

export async function checkResponsibles(tx: Queryable, a: ObjectiveActor, userIds: string[]): Promise<void> {
  const members = new Set(await repo.selectBodyMembers(tx, a.organizationId, userIds));
  const missing = userIds.map((u, i) => ({ u, i })).filter(({ u }) => !members.has(u));
  if (missing.length) {
    throw E.invalidResponsible(undefined, undefined, missing.map(({ i }) => ({ field: `responsibleUserIds.${i}`, message: 'non è una persona dell’ente' })));
  }
}

export async function createObjective(db: Db, auth: AuthContext, input: CreateObjectiveInput, meta: { ip?: string } = {}): Promise<ObjectiveDetail> {
  const trimmed = { ...input, title: input.title.trim(), description: input.description.trim(), indicators: input.indicators.map((i) => ({ ...i, name: i.name.trim(), unit: i.unit.trim() })) };
  return db.tx(dbContext(auth), async (tx) => {
    const actor = await actorOf(tx, auth);
    requireManager(actor, 'Assegnare obiettivi');
    throwProblems(objectiveProblems(trimmed));
    const officeId = await ownerOffice(tx, actor.organizationId, trimmed.scope, trimmed.ownerId);
    if (!managesOfficeOf(actor, officeId)) throw E.forbidden('Puoi assegnare obiettivi solo agli uffici che gestisci, ai loro gruppi e alle loro persone.');
    await checkResponsibles(tx, actor, trimmed.responsibleUserIds);
    const id = randomUUID();
    await repo.insertObjective(
      tx,
      actor.organizationId,
      id,
      {
        title: trimmed.title,
        description: trimmed.description,
        scope: trimmed.scope,
        officeId: trimmed.scope === 'office' ? trimmed.ownerId : null,
        teamId: trimmed.scope === 'team' ? trimmed.ownerId : null,
        employeeId: trimmed.scope === 'person' ? trimmed.ownerId : null,
        startsOn: trimmed.startsOn,
        endsOn: trimmed.endsOn,
      },
      auth.userId,
    );
    for (const [k, i] of trimmed.indicators.entries()) await repo.insertIndicator(tx, actor.organizationId, id, randomUUID(), k, i);
    await repo.replaceResponsibles(tx, actor.organizationId, id, trimmed.responsibleUserIds);
    await auditBy(tx, auth, {
      organizationId: actor.organizationId,
      action: 'remote_work_objective.create',
      entityType: 'remote_work_objective',
      entityId: id,
      after: await objectiveSnapshot(tx, actor.organizationId, id),
      ip: meta.ip ?? null,
    });
    return objectiveDetail(tx, actor, id);
  });
}
