/**
 * Everything the POLA is written from, read in one transaction for one body: the indicators'
 * figures (show-body-indicators.ts: headcount, shares, by office, last 12 months, target), the
 * offices with their activities and coverage, the agreements in force and their terms, the
 * agreements' workflow of the last 12 months, the people with a role, the objectives' coverage,
 * the body's declarations (digital health through `declaredDigitalHealth`), its settings and
 * targets — and the development programme computed from them.
 */
import type { Queryable } from '../../../platform/db/index.js';
import { addDays } from '../agreements/index.js';
import { currentMonth } from '../indicators/index.js';
import { readBodyIndicators, type BodyIndicators } from '../indicators/index.js';
import * as repo from './pola.repo.js';
import { declaredDigitalHealth, type DigitalHealth } from './pola-digital.js';
import { baselines, planYears, programme, simplifiedForm, type ProgrammeIndicator, type SimplifiedForm } from './pola-indicators.js';
import { termsSummary, type TermsSummary } from './pola-terms.js';
import { clock } from '../../../platform/clock.js';
import { romeDate } from '../../../platform/calendar/rome.js';

export const NOTE_SECTIONS = ['implementation', 'organisation', 'people', 'programme'] as const;
export type NoteSection = (typeof NOTE_SECTIONS)[number];

export interface PolaSettings {
  firstYear: number;
  simplifiedOverride: boolean | null;
  notes: Partial<Record<NoteSection, string>>;
  updatedAt: string | null;
}

export interface PolaData {
  organizationId: string;
  organizationName: string;
  /** The day the figures are read (Europe/Rome). */
  today: string;
  /** The month of the implementation figures ('YYYY-MM'). */
  month: string;
  years: number[];
  settings: PolaSettings;
  headcount: number;
  simplified: SimplifiedForm;
  indicators: BodyIndicators;
  agreementStatus: Record<string, number>;
  flowSince: string;
  flow: repo.AgreementFlow;
  offices: repo.PolaOfficeRow[];
  terms: TermsSummary;
  people: { hrManagers: string[]; bodyAdmins: string[]; activeEmployees: number; employeesWithAccount: number };
  objectives: repo.ObjectiveCoverage;
  declarations: repo.Declarations & { updatedAt: string | null };
  digital: DigitalHealth;
  programme: ProgrammeIndicator[];
}

export function defaultSettings(today: string): PolaSettings {
  return { firstYear: Number(today.slice(0, 4)), simplifiedOverride: null, notes: {}, updatedAt: null };
}

export async function loadPolaData(tx: Queryable, organizationId: string, now: number = clock.now()): Promise<PolaData> {
  const today = romeDate(now);
  const month = currentMonth(new Date(now));
  const saved = await repo.selectSettings(tx, organizationId);
  const settings: PolaSettings = saved ? { ...saved, notes: saved.notes as PolaSettings['notes'] } : defaultSettings(today);
  const years = planYears(settings.firstYear);
  const indicators = await readBodyIndicators(tx, { organizationId, managedBy: null }, month);
  const live = await repo.countActiveEmployees(tx, organizationId);
  // the indicators' headcount (the figure every dashboard shows); the live count before their first refresh
  const headcount = indicators.refreshedAt ? indicators.headcount : live.active;
  const offices = await repo.selectOffices(tx, organizationId);
  const inForce = await repo.selectAgreementsInForce(tx, organizationId, today);
  const terms = termsSummary(inForce);
  const flowSince = addDays(today, -365);
  const objectives = await repo.selectObjectiveCoverage(tx, organizationId, today);
  const declarations = (await repo.selectDeclarations(tx, organizationId)) ?? { ...repo.EMPTY_DECLARATIONS, updatedAt: null };
  const digital = await declaredDigitalHealth(tx, organizationId);
  const simplified = simplifiedForm(headcount, settings.simplifiedOverride);
  const base = baselines({
    agreementSharePercent: indicators.summary.agreementSharePercent,
    remoteSharePercent: indicators.summary.remoteSharePercent,
    offices: offices.length,
    officesWithActivities: offices.filter((o) => o.activities.length > 0).length,
    officesWithCoverage: offices.filter((o) => o.coverage.some((c) => c.minOnSite > 0)).length,
    activeEmployees: headcount,
    employeesWithObjectives: objectives.employeesCovered,
    agreementsInForce: terms.inForce,
    agreementsWithSafety: terms.safetyAcknowledged,
    remoteWorkers: terms.inForce,
    declared: {
      helpdesk: declarations.helpdesk,
      managersTrainedPercent: declarations.managersTrainedPercent,
      workersTrainedPercent: declarations.workersTrainedPercent,
      devicesProvided: digital.devicesProvided.value,
      vpn: digital.vpn.value,
      intranet: digital.intranet.value,
      collaborationTools: digital.collaborationTools.value,
      remoteAppsPercent: digital.remoteAppsPercent.value,
      digitalSignatureHolders: digital.digitalSignatureHolders.value,
      digitisedProcessesPercent: digital.digitisedProcessesPercent.value,
      trainingCostCents: declarations.trainingCostCents,
      hardwareInvestmentCents: declarations.hardwareInvestmentCents,
      digitisationInvestmentCents: declarations.digitisationInvestmentCents,
    },
  });
  const targets = await repo.selectTargets(tx, organizationId, years);
  return {
    organizationId,
    organizationName: indicators.organizationName,
    today,
    month,
    years,
    settings,
    headcount,
    simplified,
    indicators,
    agreementStatus: await repo.selectAgreementStatusCounts(tx, organizationId),
    flowSince,
    flow: await repo.selectAgreementFlow(tx, organizationId, flowSince),
    offices,
    terms,
    people: {
      hrManagers: await repo.selectRoleHolders(tx, organizationId, 'hr_manager'),
      bodyAdmins: await repo.selectRoleHolders(tx, organizationId, 'body_admin'),
      activeEmployees: live.active,
      employeesWithAccount: live.withAccount,
    },
    objectives,
    declarations,
    digital,
    programme: programme(settings.firstYear, base, targets, indicators.targetPercent, simplified.applied),
  };
}
