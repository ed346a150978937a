/**
 * The module's part of the demo territory: a few bodies that operators would add (an association
 * of municipalities, two in-house ICT providers, a mountain union with three member
 * municipalities) and the patron days of some municipalities. The IPA codes here are demo values
 * in the right format, not looked up in the real IPA index.
 */
import type { Db, Queryable } from '../../platform/db/index.js';
import { auditBy } from '../../platform/audit.js';
import * as repo from './organizations.repo.js';
import { searchNameOf } from './search-name.js';
import { findOrganizationByCode } from './index.js';

export const DEMO_BODIES = [
  { ipaCode: 'anci_pie', kind: 'association', name: 'ANCI Piemonte', parentCodes: ['01'], website: 'https://www.anci.piemonte.it' },
  { ipaCode: 'csi_pie', kind: 'provider', name: 'CSI Piemonte', parentCodes: ['01'], website: 'https://www.csipiemonte.it' },
  { ipaCode: 'lepida', kind: 'provider', name: 'Lepida', parentCodes: ['08'], website: 'https://www.lepida.net' },
  { ipaCode: 'um_vallanzo', kind: 'union_of_municipalities', name: 'Unione Montana Valli di Lanzo', parentCodes: [] as string[], website: null },
] as const;

export const DEMO_UNION_MEMBERS = ['Lanzo Torinese', 'Ceres', 'Cantoira'];

/** ISTAT code → patron day (MM-DD). */
export const DEMO_PATRON_DAYS: Record<string, string> = {
  '001272': '06-24', // Torino, San Giovanni Battista
  '046017': '07-12', // Lucca, San Paolino
  '015146': '12-07', // Milano, Sant'Ambrogio
  '058091': '06-29', // Roma, Santi Pietro e Paolo
  '037006': '10-04', // Bologna, San Petronio
  '063049': '09-19', // Napoli, San Gennaro
};

async function addBody(tx: Queryable, body: (typeof DEMO_BODIES)[number]): Promise<string> {
  const existing = await findOrganizationByCode(tx, body.ipaCode);
  if (existing) return existing.id;
  const id = crypto.randomUUID();
  const parents: string[] = [];
  for (const code of body.parentCodes) {
    const p = await findOrganizationByCode(tx, code);
    if (p) parents.push(p.id);
  }
  const targets = await repo.selectLinkTargets(tx, parents);
  await repo.insertOrganization(tx, {
    id,
    kind: body.kind,
    name: body.name,
    searchName: searchNameOf(body.name),
    ipaCode: body.ipaCode,
    taxCode: null,
    regionCode: targets[0]?.regionCode ?? null,
    provinceCode: null,
    patronDay: null,
    website: body.website,
    pec: null,
    population: null,
  });
  await repo.insertLinks(tx, parents.map((p) => ({ organizationId: id, parentId: p, relation: 'part_of' as const })));
  await auditBy(tx, null, {
    organizationId: id,
    action: 'organization.create',
    entityType: 'organization',
    entityId: id,
    after: await repo.selectById(tx, id),
  });
  return id;
}

export async function seedOrganizationsDemo(db: Db): Promise<void> {
  await db.ownerTx(async (tx) => {
    const ids = new Map<string, string>();
    for (const body of DEMO_BODIES) ids.set(body.ipaCode, await addBody(tx, body));
    const unionId = ids.get('um_vallanzo')!;
    const members = await repo.selectMunicipalityIds(tx, 'TO', DEMO_UNION_MEMBERS);
    await repo.insertLinks(tx, members.map((m) => ({ organizationId: m.id, parentId: unionId, relation: 'member_of' as const })));
    await repo.updateOrganization(tx, unionId, { regionCode: '01', provinceCode: 'TO' });
    for (const [istat, day] of Object.entries(DEMO_PATRON_DAYS)) await repo.setPatronDayByIstat(tx, istat, day);
  });
}
