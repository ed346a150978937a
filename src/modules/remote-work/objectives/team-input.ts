/**
 * The checks shared by creating and changing a team: a unique name in the body, the office (if
 * any) in the body and managed by the caller (HR: any; body-wide teams are HR's), members who are
 * active employees of the body and, for an office manager, people of the offices he manages.
 */
import type { Queryable } from '../../../platform/db/index.js';
import { managesOfficeOf, type ObjectiveActor } from './objective-access.js';
import * as repo from './objectives.repo.js';
import { objectiveErrors as E } from '../remote-work.errors.js';

export interface TeamInput {
  name: string;
  officeId: string | null;
  memberIds: string[];
}

export async function checkTeam(tx: Queryable, a: ObjectiveActor, t: TeamInput, exceptId: string | null): Promise<TeamInput> {
  const name = t.name.trim().replace(/\s+/g, ' ');
  if (!name) throw E.teamInvalid('Indica il nome del gruppo.', undefined, [{ field: 'name', message: 'obbligatorio' }]);
  const memberIds = [...new Set(t.memberIds)];
  if (t.officeId !== null && (await repo.selectOfficeName(tx, a.organizationId, t.officeId)) === null) {
    throw E.teamInvalid('Ufficio non trovato nel tuo ente.', undefined, [{ field: 'officeId', message: 'ufficio non trovato' }]);
  }
  if (!managesOfficeOf(a, t.officeId)) {
    throw E.forbidden(t.officeId === null ? 'I gruppi di tutto l’ente li crea l’ufficio del personale: scegli uno dei tuoi uffici.' : 'Puoi gestire solo i gruppi degli uffici di cui sei responsabile.');
  }
  const people = new Map((await repo.selectEmployees(tx, a.organizationId, memberIds)).map((e) => [e.id, e]));
  const errors = memberIds.flatMap((id, i) => {
    const e = people.get(id);
    if (!e || !e.active) return [{ field: `memberIds.${i}`, message: 'non è una persona in servizio dell’ente' }];
    if (!a.all && !a.managedOfficeIds.includes(e.officeId)) return [{ field: `memberIds.${i}`, message: `${e.name} non è di un tuo ufficio` }];
    return [];
  });
  if (errors.length) throw E.teamInvalid(errors.map((x) => x.message).join('; '), undefined, errors);
  if (await repo.teamNameTaken(tx, a.organizationId, name, exceptId)) throw E.teamNameTaken(`«${name}» esiste già.`);
  return { name, officeId: t.officeId, memberIds };
}
