/** Zod schemas of the agreements' routes (requests are strict: unknown fields are refused). */
import { z } from 'zod';
import { AGREEMENT_STATUSES, MAX_PLAN_DAYS, MAX_WINDOWS_PER_DAY } from './agreement-rules.js';
import { AGREEMENT_ACTIONS, TIMELINE_EVENTS } from './agreement-view.js';
import { isoDay } from '../../../platform/http/dates.js';

export const agreementIdParams = z.object({ id: z.uuid({ error: 'identificativo non valido (UUID atteso)' }).describe('Identificativo dell’accordo') });

const day = isoDay();
const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { error: 'ora nel formato HH:MM' });
const text = (what: string) => z.string().max(2000, { error: `${what}: al massimo 2000 caratteri` });
const windowPair = z.array(hhmm).length(2, { error: 'una fascia è [inizio, fine]' }).transform((w) => [w[0], w[1]] as [string, string]);

const terms = {
  startsOn: day.describe('Primo giorno dell’accordo'),
  endsOn: day.nullable().optional().describe('Ultimo giorno (accordo a termine); assente o null: a tempo indeterminato'),
  maxRemotePerWeek: z.number().int().min(0).max(7).nullable().optional().describe('Giorni di lavoro agile al massimo per settimana ISO'),
  maxRemotePerMonth: z.number().int().min(0).max(31).nullable().optional().describe('Giorni di lavoro agile al massimo per mese'),
  allowedWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).describe('Giorni della settimana ISO (1 lunedì … 7 domenica) in cui è ammesso il lavoro agile'),
  monthlyPlan: z
    .record(day, z.enum(['remote', 'onsite']))
    .nullable()
    .optional()
    .describe(`Calendario concordato dei giorni (al massimo ${MAX_PLAN_DAYS}): { "2027-01-12": "remote", "2027-01-13": "onsite" }`),
  reachability: z
    .record(z.string().regex(/^[1-7]$/, { error: 'giorno ISO da 1 (lunedì) a 7 (domenica)' }), z.array(windowPair).max(MAX_WINDOWS_PER_DAY))
    .describe('Fasce di contattabilità per giorno della settimana ISO: { "1": [["09:30", "12:30"]] }'),
  workingFrom: hhmm.optional().describe('Inizio della fascia di operatività (predefinito 08:00)'),
  workingTo: hhmm.optional().describe('Fine della fascia di operatività (predefinito 19:00)'),
  disconnectionFrom: hhmm.optional().describe('Inizio della fascia di disconnessione (predefinito 19:00)'),
  disconnectionTo: hhmm.optional().describe('Fine della fascia di disconnessione, il giorno dopo (predefinito 08:00)'),
  disconnectionMeasures: text('Misure per la disconnessione').optional(),
  placeRules: text('Regole sul luogo').optional(),
  equipment: text('Strumenti').optional(),
  activities: text('Attività').optional(),
};

export const requestAgreementBody = z.strictObject({
  ...terms,
  employeeId: z.uuid().optional().describe('Dipendente per cui l’ufficio del personale prepara l’accordo; assente: chi chiede per sé'),
  safetyInfoAcknowledged: z.boolean().optional().describe('Il dipendente dichiara di aver ricevuto e letto l’informativa sulla sicurezza'),
});

export const renewAgreementBody = z
  .strictObject({ ...terms, safetyInfoAcknowledged: z.boolean().optional() })
  .partial()
  .describe('Le condizioni che cambiano rispetto all’accordo precedente; il resto è ripreso da quello');

export const decisionBody = z.strictObject({
  decision: z.enum(['approved', 'refused']),
  reason: z.string().max(2000).nullable().optional().describe('Motivo (obbligatorio per il rifiuto)'),
});

export const withdrawalBody = z.strictObject({
  reason: z.string().max(2000).nullable().optional().describe('Motivo (obbligatorio per il giustificato motivo)'),
  justified: z.boolean().optional().describe('Giustificato motivo: effetto immediato, senza preavviso'),
  effectiveOn: day.nullable().optional().describe('Ultimo giorno di vigenza chiesto; assente: il primo consentito dal preavviso'),
});

const statusList = z
  .string()
  .regex(new RegExp(`^(${AGREEMENT_STATUSES.join('|')})(,(${AGREEMENT_STATUSES.join('|')}))*$`), { error: 'stati separati da virgola: requested, approved, refused, registered, withdrawn, expired' })
  .transform((s) => [...new Set(s.split(','))] as (typeof AGREEMENT_STATUSES)[number][]);

export const listAgreementsQuery = z.object({
  status: statusList.optional().describe('Stati, separati da virgola'),
  officeId: z.uuid().optional(),
  employeeId: z.uuid().optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Solo i miei accordi'),
  expiringWithinDays: z.coerce.number().int().min(0).max(366).optional().describe('Registrati il cui ultimo giorno cade entro N giorni da oggi'),
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('Pagina, da 1'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('Elementi per pagina (massimo 100)'),
});

const nullableDay = z.string().nullable();

export const agreement = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  employeeId: z.uuid(),
  employeeName: z.string(),
  employeeTaxCode: z.string(),
  employeeUserId: z.uuid().nullable(),
  employeeEmail: z.string().nullable(),
  disabledWorker: z.boolean(),
  officeId: z.uuid(),
  officeName: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  startsOn: z.string(),
  endsOn: nullableDay,
  lastDayInForce: nullableDay.describe('Ultimo giorno in vigore (fine o recesso); null: a tempo indeterminato'),
  maxRemotePerWeek: z.number().int().min(0).max(7).nullable(),
  maxRemotePerMonth: z.number().int().min(0).max(31).nullable(),
  allowedWeekdays: z.array(z.number().int().min(1).max(7)),
  monthlyPlan: z.record(z.string(), z.string()).nullable(),
  reachability: z.record(z.string(), z.array(z.array(z.string()))),
  workingFrom: z.string(),
  workingTo: z.string(),
  disconnectionFrom: z.string(),
  disconnectionTo: z.string(),
  disconnectionMeasures: z.string(),
  placeRules: z.string(),
  equipment: z.string(),
  activities: z.string(),
  safetyInfoAcknowledgedAt: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  registeredAt: z.string().nullable(),
  withdrawnByParty: z.enum(['employee', 'employer']).nullable(),
  withdrawalNotifiedOn: nullableDay,
  withdrawalEffectiveOn: nullableDay.describe('Ultimo giorno in vigore dopo il recesso (compreso)'),
  withdrawalReason: z.string().nullable(),
  withdrawalJustified: z.boolean().nullable(),
  renewedFrom: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  timeline: z.array(z.object({ event: z.enum(TIMELINE_EVENTS), at: z.string(), note: z.string().nullable() })),
  actions: z.array(z.enum(AGREEMENT_ACTIONS)).describe('Le operazioni che chi chiede può fare ora'),
});
