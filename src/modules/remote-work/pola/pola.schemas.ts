/** Zod schemas of the POLA routes: the preview (figures, programme, document blocks), settings, declarations, targets. */
import { z } from 'zod';
import { figures, monthFigures, officeFigures } from '../indicators/index.js';
import { DIMENSIONS, INDICATOR_KEYS, PHASES } from './pola-indicators.js';
import { NOTE_SECTIONS } from './pola-data.js';

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const percent = z.number().min(0).max(100);
const cents = z.number().int().min(0).max(100_000_000_000_000);
const year = z.number().int().min(2020).max(2100);
const text = (max: number) => z.string().max(max);

// ------------------------------------------------------------------------------------------ document blocks

const tableColumn = z.object({ header: z.string(), width: z.number().min(0).max(100), align: z.enum(['left', 'right']).optional() });
export const documentBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string(), note: z.boolean().optional() }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
  z.object({ kind: z.literal('table'), caption: z.string(), columns: z.array(tableColumn), rows: z.array(z.array(z.string())) }),
]);
export const documentModel = z.object({
  title: z.string(),
  subtitle: z.string().optional(),
  reference: z.string().optional(),
  language: z.string().optional(),
  author: z.string().optional(),
  blocks: z.array(documentBlock),
  footer: z.string().optional(),
});

// ------------------------------------------------------------------------------------------ inputs

const notes = z
  .object(Object.fromEntries(NOTE_SECTIONS.map((s) => [s, text(4000).optional()])) as Record<(typeof NOTE_SECTIONS)[number], z.ZodOptional<z.ZodString>>)
  .strict();

export const polaSettingsBody = z.strictObject({
  firstYear: year.describe('Primo anno del triennio del PIAO'),
  simplifiedOverride: z.boolean().nullable().describe('Modello semplificato: true/false per sceglierlo, null per deciderlo dal numero di dipendenti (fino a 50)'),
  notes: notes.default({}).describe('Testo dell’ente per ciascuna parte del documento'),
});

export const polaSettings = z.object({
  firstYear: year,
  simplifiedOverride: z.boolean().nullable(),
  notes,
  updatedAt: z.string().nullable(),
});

const declarationFields = {
  devicesProvided: z.number().int().min(0).max(1_000_000).nullable().describe('Dispositivi forniti dall’ente per il lavoro agile'),
  vpn: z.boolean().nullable(),
  intranet: z.boolean().nullable(),
  collaborationTools: z.boolean().nullable(),
  toolsNote: text(1000).describe('Quali strumenti (es. videoconferenza, documenti condivisi)'),
  remoteAppsPercent: percent.nullable(),
  digitalSignatureHolders: z.number().int().min(0).max(1_000_000).nullable(),
  digitisedProcessesPercent: percent.nullable(),
  helpdesk: z.boolean().nullable(),
  managersTrainedPercent: percent.nullable(),
  workersTrainedPercent: percent.nullable(),
  trainingCostCents: cents.nullable().describe('Spesa per la formazione, in centesimi di euro'),
  hardwareInvestmentCents: cents.nullable().describe('Investimenti in dispositivi e infrastrutture, in centesimi di euro'),
  digitisationInvestmentCents: cents.nullable().describe('Investimenti in digitalizzazione, in centesimi di euro'),
};

export const polaDeclarationsBody = z.object(declarationFields).strict();
export const polaDeclarations = z.object({ ...declarationFields, updatedAt: z.string().nullable() });

export const polaTargetsBody = z.strictObject({
  targets: z
    .array(
      z.object({
        indicator: z.string().min(1).max(60).describe(`Uno di: ${INDICATOR_KEYS.join(', ')}`),
        year,
        value: z.number().min(0).max(100_000_000_000_000).nullable().describe('Nell’unità dell’indicatore (percentuale, 1/0 per sì/no, centesimi di euro); null per togliere il valore'),
      }),
    )
    .min(1)
    .max(300),
});

export const polaTargets = z.object({
  years: z.array(year),
  targets: z.array(z.object({ indicator: z.string(), year, value: z.number().min(0).max(100_000_000_000_000) })),
});

// ------------------------------------------------------------------------------------------ preview

const tally = z.object({ value: z.string(), agreements: count });
const digitalItem = <T extends z.ZodTypeAny>(t: T) => z.object({ value: t.nullable(), source: z.enum(['declared', 'catalogue', 'missing']) });

export const polaView = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  today: z.string(),
  month: z.string(),
  years: z.array(year),
  headcount: count,
  simplified: z.object({ applied: z.boolean(), automatic: z.boolean(), override: z.boolean().nullable(), threshold: count }),
  settings: polaSettings,
  declarations: polaDeclarations,
  implementation: z.object({
    summary: figures,
    targetPercent: percent,
    gapPoints: z.number().min(-100).max(100).nullable(),
    targetMet: z.boolean().nullable(),
    agreementStatus: z.object({ requested: count, approved: count, refused: count, registered: count, withdrawn: count, expired: count }),
    offices: z.array(officeFigures),
    months: z.array(monthFigures),
    refreshedAt: z.string().nullable(),
  }),
  organisation: z.object({
    offices: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        name: z.string(),
        managerName: z.string().nullable(),
        activities: z.array(z.object({ name: z.string(), remotable: z.boolean() })),
        coverage: z.array(z.object({ skill: z.string(), text: z.string() })),
      }),
    ),
    terms: z.object({
      inForce: count,
      remoteDays: z.array(tally),
      weekdays: z.array(z.object({ weekday: z.number().int().min(1).max(7), agreements: count })),
      workingHours: z.array(tally),
      reachability: z.array(tally),
      disconnection: z.array(tally),
      placeSpecific: count,
      equipment: z.array(tally),
      equipmentOther: count,
      equipmentStandard: count,
      safetyAcknowledged: count,
    }),
  }),
  people: z.object({
    hrManagers: z.array(z.string()),
    bodyAdmins: z.array(z.string()),
    activeEmployees: count,
    employeesWithAccount: count,
    flowSince: z.string(),
    flow: z.object({ requested: count, approved: count, refused: count, registered: count, withdrawn: count }),
    objectives: z.object({ activeObjectives: count, employeesCovered: count, reportsLast90Days: count }),
  }),
  digital: z.object({
    devicesProvided: digitalItem(count),
    vpn: digitalItem(z.boolean()),
    intranet: digitalItem(z.boolean()),
    collaborationTools: digitalItem(z.boolean()),
    toolsNote: z.string(),
    remoteAppsPercent: digitalItem(percent),
    digitalSignatureHolders: digitalItem(count),
    digitisedProcessesPercent: digitalItem(percent),
  }),
  programme: z.object({
    phases: z.array(z.object({ year, phase: z.enum(PHASES), nameIt: z.string(), conditionsIt: z.array(z.string()) })),
    indicators: z.array(
      z.object({
        key: z.string(),
        dimension: z.enum(DIMENSIONS),
        nameIt: z.string(),
        unit: z.enum(['percent', 'boolean', 'cents']),
        source: z.enum(['live', 'declared']),
        simplified: z.boolean(),
        baseline: z.number().min(0).max(100_000_000_000_000).nullable(),
        targets: z.array(z.object({ year, value: z.number().min(0).max(100_000_000_000_000).nullable(), isDefault: z.boolean() })),
      }),
    ),
  }),
  document: documentModel,
});
