/** Zod schemas of the planner's routes (requests are strict: unknown fields are refused). */
import { z } from 'zod';
import { pageQuery } from '../../../platform/http/pagination.js';
import { isoDay as day } from '../../../platform/http/dates.js';

export const idParams = z.object({ id: z.uuid({ error: 'identificativo non valido (UUID atteso)' }).describe('Identificativo') });

export const isoDay = day('giorno nel formato AAAA-MM-GG').describe('Giorno (AAAA-MM-GG)');

const count = (max = 10_000_000) => z.number().int().min(0).max(max);
const signed = z.number().int().min(-10_000_000).max(10_000_000);
const ms = z.number().min(0).max(86_400_000);
const dayKind = z.enum(['remote', 'onsite', 'absent']);
const violationKind = z.enum([
  'coverage', 'skill-coverage', 'weekly-cap', 'monthly-cap', 'no-agreement', 'forbidden-weekday',
  'non-working-day', 'absence-day', 'pin-not-respected', 'malformed',
]);

// ---------------------------------------------------------------- plan runs

export const createPlanBody = z.strictObject({
  from: isoDay.describe('Primo giorno da pianificare (da oggi in poi)'),
  to: isoDay.describe('Ultimo giorno (al massimo 3 mesi dopo l’inizio)'),
  officeIds: z.array(z.uuid()).min(1).max(1000).optional().describe('Uffici da pianificare; senza: tutti quelli che puoi pianificare'),
});

const pinConflict = z.object({
  employeeId: z.string(),
  officeId: z.string(),
  day: z.string(),
  kind: violationKind,
  message: z.string(),
});

const violation = z.object({
  kind: violationKind,
  officeId: z.string().optional(),
  day: z.string().optional(),
  employeeId: z.string().optional(),
  skill: z.string().optional(),
  required: signed.optional(),
  actual: signed.optional(),
  avoidable: z.boolean().optional(),
  message: z.string(),
});

export const officeShortfall = z.object({
  officeId: z.string(),
  officeName: z.string(),
  days: z.array(z.object({
    day: z.string(),
    skill: z.string().nullable(),
    required: count(),
    remainingIfGranted: signed,
    peopleShort: count(),
    refusedEmployeeIds: z.array(z.string()),
    message: z.string(),
  })),
  message: z.string().describe('Per esempio: "Ufficio Tributi: per concedere tutti i giorni … il 12/03 mancano 2 persone in sede."'),
  messageEn: z.string(),
});

const planReport = z.object({
  summary: z.object({
    offices: count(), employees: count(), employeesWithAgreement: count(), workingDays: count(), targetDays: count(),
    grantedDays: count(), pinnedRemoteDays: count(), preferredGranted: count(), employeesShort: count(), shortfallOffices: count(),
    pinConflicts: count(), unavoidable: count(),
  }).optional(),
  message: z.string().optional(),
  messageEn: z.string().optional(),
  shortfalls: z.array(officeShortfall).optional(),
  pinConflicts: z.array(pinConflict).optional(),
  unavoidable: z.array(violation).optional().describe('Violazioni che nessun piano evita (assenze) o dovute ai giorni fissati'),
  outcomes: z.array(z.object({
    employeeId: z.string(), name: z.string(), officeId: z.string(), hasAgreement: z.boolean(),
    target: count(), granted: count(), pinnedRemote: count(), preferredGranted: count(), shortfall: count(),
  })).optional().describe('Esito per dipendente (solo nel dettaglio di una pianificazione)'),
  stats: z.object({
    totalGranted: count(), totalTarget: count(), preferredGranted: count(), fairnessCost: count(1e12), exactOffices: count(), heuristicOffices: count(),
    loadMs: ms, planMs: ms, validateMs: ms, writeMs: ms,
  }).optional(),
  written: z.object({ added: count(), changed: count(), removed: count() }).optional().describe('Giorni pianificati scritti: solo quelli cambiati'),
  violations: z.array(violation).optional().describe('Solo per una pianificazione fallita: le violazioni del piano scartato'),
  employees: count().optional(),
  workingDays: count().optional(),
});

export const planRun = z.object({
  id: z.uuid(),
  from: z.string(),
  to: z.string(),
  officeIds: z.array(z.string()).nullable(),
  trigger: z.enum(['plan', 'pin']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: count(100).describe('Avanzamento, da 0 a 100'),
  employees: count().nullable(),
  workingDays: count().nullable(),
  report: planReport.nullable(),
  error: z.string().nullable(),
  durationMs: count(86_400_000).nullable(),
  requestedBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const runListQuery = z.object({ ...pageQuery });

// ---------------------------------------------------------------- grid and pins

export const gridQuery = z.object({
  from: isoDay,
  to: isoDay,
  officeId: z.uuid().optional().describe('Un solo ufficio; senza: tutti quelli che puoi pianificare'),
});

const cellKind = z.enum(['remote', 'onsite', 'absent', 'unplanned']);

export const planGrid = z.object({
  from: z.string(),
  to: z.string(),
  workingDays: z.array(z.string()),
  nonWorkingDays: z.array(z.object({ day: z.string(), reason: z.string() })),
  offices: z.array(z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    employees: z.array(z.object({
      id: z.uuid(),
      name: z.string(),
      skills: z.array(z.string()),
      hasAgreement: z.boolean(),
      kinds: z.array(cellKind).describe('Un valore per ogni giorno di workingDays'),
      pinned: z.array(z.boolean()).describe('Giorno fissato a mano, per ogni giorno di workingDays'),
    })),
    coverage: z.array(z.object({
      day: z.string(),
      required: count(), present: count(), onSite: count(), remote: count(), absent: count(), short: count(),
      skills: z.array(z.object({ skill: z.string(), required: count(), onSite: count(), short: count() })),
      message: z.string().nullable(),
    })),
  })),
  latestRun: z.object({
    id: z.uuid(),
    from: z.string(),
    to: z.string(),
    finishedAt: z.string().nullable(),
    message: z.string(),
    messageEn: z.string(),
    shortfalls: z.array(officeShortfall),
    pinConflicts: z.array(pinConflict),
  }).nullable(),
});

export const pinsBody = z.strictObject({
  pins: z.array(z.strictObject({
    employeeId: z.uuid(),
    day: isoDay,
    kind: z.enum(['remote', 'onsite']).nullable().describe('null libera il giorno'),
  })).min(1).max(500),
  replan: z.boolean().optional().describe('Ripianifica subito gli uffici coinvolti intorno ai giorni fissati (predefinito: sì)'),
});

export const pinsResult = z.object({
  pins: z.array(z.object({ employeeId: z.string(), day: z.string(), kind: z.enum(['remote', 'onsite']).nullable() })),
  run: planRun.nullable(),
  pinConflicts: z.array(pinConflict),
});

export const planSettings = z.object({ swapRequiresApproval: z.boolean().describe('Uno scambio valido attende l’approvazione del responsabile') });
export const planSettingsBody = z.strictObject({ swapRequiresApproval: z.boolean() });

// ---------------------------------------------------------------- swaps

export const swapBody = z.strictObject({
  fromDay: isoDay.describe('Il tuo giorno di lavoro agile che lasci (torni in sede)'),
  toDay: isoDay.describe('Il giorno che chiedi in lavoro agile'),
  note: z.string().trim().max(500).optional(),
});

const swapViolation = z.object({
  kind: violationKind,
  officeId: z.string().nullable(),
  officeName: z.string().nullable(),
  day: z.string().nullable(),
  skill: z.string().nullable(),
  required: signed.nullable(),
  actual: signed.nullable(),
  peopleShort: signed.nullable(),
  message: z.string(),
});

export const swapRequest = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  employeeName: z.string(),
  officeId: z.uuid(),
  officeName: z.string(),
  fromDay: z.string(),
  toDay: z.string(),
  status: z.enum(['pending', 'accepted', 'refused']),
  reason: z.string().nullable(),
  violations: z.array(swapViolation),
  note: z.string(),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const swapListQuery = z.object({
  status: z.enum(['pending', 'accepted', 'refused']).optional(),
  mine: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('Solo le mie richieste'),
  ...pageQuery,
});

export const swapDecisionBody = z.strictObject({
  decision: z.enum(['accepted', 'refused']),
  reason: z.string().trim().max(500).optional(),
});

// ---------------------------------------------------------------- the employee's calendar

export const myCalendarQuery = z.object({ from: isoDay, to: isoDay });

export const myCalendar = z.object({
  employee: z.object({ id: z.uuid(), name: z.string(), officeId: z.uuid(), officeName: z.string() }),
  from: z.string(),
  to: z.string(),
  days: z.array(z.object({
    day: z.string(),
    kind: z.enum(['remote', 'onsite', 'absent', 'unplanned', 'non_working']),
    pinned: z.boolean(),
    pinSource: z.enum(['manager', 'swap']).nullable(),
    reason: z.string().nullable(),
  })),
  swapRequiresApproval: z.boolean(),
  feed: z.object({ active: z.boolean(), createdAt: z.string().nullable(), lastUsedAt: z.string().nullable() }),
  swaps: z.array(swapRequest),
});

export const feedCreated = z.object({
  url: z.string().describe('Indirizzo del calendario iCalendar: mostrato una sola volta'),
  webcalUrl: z.string(),
  createdAt: z.string(),
});

export const feedParams = z.object({
  token: z.string().max(100).describe('Il segreto del calendario (parte dell’indirizzo)'),
});

export { dayKind };
