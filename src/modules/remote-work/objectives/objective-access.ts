/**
 * Who sees and who manages which objectives inside a body (row-level security has already kept
 * other bodies out):
 * - HR (hr_manager), the body's administrators and platform administrators: every objective and team;
 * - an office manager: the objectives of the offices he manages — the office's own, its teams',
 *   its people's — and he creates, changes and deletes them;
 * - everyone: his own objectives (as a person), his teams', and those he is responsible for;
 * - only the responsible people file an objective's reports.
 */
import type { Queryable } from '../../../platform/db/index.js';
import type { AuthContext } from '../../../platform/auth/context.js';
import { managesWholeBody } from '../offices/index.js';
import * as repo from './objectives.repo.js';
import { selectManagedOfficeIds } from '../offices/index.js';
import { objectiveErrors as E } from '../remote-work.errors.js';

export interface ObjectiveActor {
  organizationId: string;
  userId: string;
  all: boolean;
  managedOfficeIds: string[];
  /** The caller's own employee record, when his account is linked to one. */
  employeeId: string | null;
}

export function bodyOfObjectives(auth: AuthContext): string {
  if (!auth.organizationId) throw E.noBody('Gli obiettivi appartengono a un ente: scegli l’ente per cui operi.');
  return auth.organizationId;
}

export async function actorOf(tx: Queryable, auth: AuthContext): Promise<ObjectiveActor> {
  const organizationId = bodyOfObjectives(auth);
  const all = managesWholeBody(auth);
  const managedOfficeIds = !all && auth.roles.includes('office_manager') ? await selectManagedOfficeIds(tx, organizationId, auth.userId) : [];
  const me = await repo.selectEmployeeOfUser(tx, organizationId, auth.userId);
  return { organizationId, userId: auth.userId, all, managedOfficeIds, employeeId: me?.id ?? null };
}

export function visibilityOf(a: ObjectiveActor): repo.Visibility {
  return { all: a.all, managedOfficeIds: a.managedOfficeIds, employeeId: a.employeeId, userId: a.userId };
}

/** Whether the caller manages what falls under this office (null: body-wide, HR only). */
export function managesOfficeOf(a: ObjectiveActor, officeId: string | null): boolean {
  return a.all || (officeId !== null && a.managedOfficeIds.includes(officeId));
}

/** HR and office managers create objectives and teams; others are refused at once. */
export function requireManager(a: ObjectiveActor, what: string): void {
  if (!a.all && a.managedOfficeIds.length === 0) {
    throw E.forbidden(`${what}: serve il ruolo di responsabile del personale o di responsabile di un ufficio.`);
  }
}
