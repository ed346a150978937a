/**
 * Use case: the POLA of the caller's body as data for the web page — the figures of each part,
 * the programme with baselines and targets, the settings and declarations HR edits, and the
 * document itself (the same blocks the PDF and the DOCX are rendered from).
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import type { DocumentModel } from '../../../platform/documents/document-model.js';
import { polaScope } from './pola-access.js';
import { loadPolaData, type PolaData } from './pola-data.js';
import { polaDocument } from './pola-document.js';
import { PHASES, PHASE_CONDITIONS_IT, PHASE_IT } from './pola-indicators.js';
import { coverageLabel } from './pola-terms.js';

export function polaView(d: PolaData, document: DocumentModel) {
  return {
    organizationId: d.organizationId,
    organizationName: d.organizationName,
    today: d.today,
    month: d.month,
    years: d.years,
    headcount: d.headcount,
    simplified: d.simplified,
    settings: d.settings,
    declarations: d.declarations,
    implementation: {
      summary: d.indicators.summary,
      targetPercent: d.indicators.targetPercent,
      gapPoints: d.indicators.gapPoints,
      targetMet: d.indicators.targetMet,
      agreementStatus: {
        requested: d.agreementStatus.requested ?? 0,
        approved: d.agreementStatus.approved ?? 0,
        refused: d.agreementStatus.refused ?? 0,
        registered: d.agreementStatus.registered ?? 0,
        withdrawn: d.agreementStatus.withdrawn ?? 0,
        expired: d.agreementStatus.expired ?? 0,
      },
      offices: d.indicators.offices,
      months: d.indicators.months,
      refreshedAt: d.indicators.refreshedAt,
    },
    organisation: {
      offices: d.offices.map((o) => ({ ...o, coverage: coverageLabel(o.coverage) })),
      terms: d.terms,
    },
    people: { ...d.people, flowSince: d.flowSince, flow: d.flow, objectives: d.objectives },
    digital: d.digital,
    programme: {
      phases: PHASES.map((phase, k) => ({ year: d.years[k], phase, nameIt: PHASE_IT[phase], conditionsIt: PHASE_CONDITIONS_IT[phase] })),
      indicators: d.programme,
    },
    document,
  };
}

export type PolaView = ReturnType<typeof polaView>;

export async function showPola(db: Db, auth: AuthContext): Promise<PolaView> {
  const organizationId = polaScope(auth);
  const data = await db.tx(dbContext(auth), (tx) => loadPolaData(tx, organizationId));
  return polaView(data, polaDocument(data));
}
