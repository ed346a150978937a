/**
 * The people of the demo territory (all with the password `demo-agilepa-2026`). Runs after the
 * organizations module's demo (registry order), finding bodies by their ISTAT or IPA code.
 */
import type { Db } from '../../platform/db/index.js';
import { findOrganizationByCode } from '../organizations/index.js';
import type { Role } from '../../platform/auth/context.js';
import { systemActor } from '../../platform/auth/actor.js';
import * as repo from './people.repo.js';
import { createUser } from './create-user.js';

export const DEMO_PASSWORD = 'demo-agilepa-2026';

export const DEMO_PEOPLE: { email: string; displayName: string; body: string; roles: Role[] }[] = [
  { email: 'admin@agilepa.demo', displayName: 'Paola Amministratrice', body: 'csi_pie', roles: ['platform_admin'] },
  { email: 'segretaria@aglie.agilepa.demo', displayName: 'Giulia Segretaria', body: '001001', roles: ['council_secretary', 'body_admin'] },
  { email: 'hr@lucca.agilepa.demo', displayName: 'Marco Personale', body: '046', roles: ['hr_manager', 'body_admin'] },
  { email: 'dipendente@lucca.agilepa.demo', displayName: 'Luca Dipendente', body: '046', roles: ['employee'] },
  { email: 'operatore@anci-piemonte.agilepa.demo', displayName: 'Sara Operatrice', body: 'anci_pie', roles: ['provider_staff'] },
  { email: 'regione@emilia-romagna.agilepa.demo', displayName: 'Elena Funzionaria', body: '08', roles: ['region_officer'] },
];

export async function seedPeopleDemo(db: Db): Promise<void> {
  const actor = systemActor('demo');
  for (const p of DEMO_PEOPLE) {
    if (await repo.findUserByEmail(db, p.email)) continue;
    const body = await findOrganizationByCode(db, p.body);
    if (!body) throw new Error(`demo: no body with code ${p.body} for ${p.email}`);
    await createUser(db, { email: p.email, displayName: p.displayName, password: DEMO_PASSWORD, organizationId: body.id, roles: p.roles }, actor);
  }
}
