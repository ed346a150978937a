/** Zod schemas of the offices-and-people routes (requests are strict: unknown fields are refused). */
import { z } from 'zod';
import { pageQuery } from '../../../platform/http/pagination.js';
import { ABSENCE_KINDS } from './offices.repo.js';
import { IMPORT_COLUMNS } from './employee-csv.js';
import { isoDay } from '../../../platform/http/dates.js';

export const idParams = z.object({ id: z.uuid({ error: 'identificativo non valido (UUID atteso)' }).describe('Identificativo') });
export const dayParams = z.object({ day: isoDay('giorno nel formato AAAA-MM-GG').describe('Giorno (AAAA-MM-GG)') });

const day = isoDay('giorno nel formato AAAA-MM-GG');
const officeCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,29}$/, { error: 'codice di 1-30 caratteri: lettere, cifre, punto, trattino, trattino basso' })
  .describe('Codice dell’ufficio nell’ente, usato dall’importazione CSV (es. URP, TRIB-2)');
const skill = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, { error: 'competenza: lettere minuscole, cifre, - e _ (es. sportello)' });
const weekday = z.number().int().min(1).max(7).describe('Giorno ISO: 1 lunedì … 7 domenica');
const count = z.number().int().min(0).max(10000);

// ---------------------------------------------------------------- offices

export const createOfficeBody = z.strictObject({
  code: officeCode,
  name: z.string().trim().min(1).max(200),
  parentId: z.uuid().nullable().optional().describe('Ufficio superiore (stesso ente)'),
  managerUserId: z.uuid().nullable().optional().describe('Responsabile: una persona registrata nell’ente'),
});

export const updateOfficeBody = z.strictObject({
  code: officeCode.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  parentId: z.uuid().nullable().optional(),
  managerUserId: z.uuid().nullable().optional(),
});

export const office = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  code: z.string(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  managerUserId: z.uuid().nullable(),
  managerName: z.string().nullable(),
  managerEmail: z.string().nullable(),
  activeEmployees: z.number().int().min(0).max(10000000),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const officeList = z.object({ items: z.array(office), total: z.number().int().min(0).max(10000000) });

export const coverageRule = z.strictObject({
  weekday,
  minOnSite: count.describe('Persone dell’ufficio in sede quel giorno'),
  skills: z
    .array(z.strictObject({ skill, minOnSite: count }))
    .max(20)
    .optional()
    .describe('Minimi per competenza (es. sportello): persone con quella competenza in sede'),
});

export const coverageBody = z.strictObject({ rules: z.array(coverageRule).max(7) });

export const activity = z.object({ id: z.uuid(), name: z.string(), remotable: z.boolean() });
export const activitiesBody = z.strictObject({
  activities: z.array(z.strictObject({ name: z.string().trim().min(1).max(200), remotable: z.boolean().describe('Si può svolgere da remoto') })).max(200),
});

export const officeDetail = office.extend({
  coverage: z.array(
    z.object({
      weekday: z.number().int().min(1).max(7),
      minOnSite: z.number().int().min(0).max(10000),
      skills: z.array(z.object({ skill: z.string(), minOnSite: z.number().int().min(0).max(10000) })),
    }),
  ),
  activities: z.array(activity),
  skillCounts: z.array(z.object({ skill: z.string(), people: z.number().int().min(0).max(10000000) })).describe('Persone attive per competenza'),
});

export const peopleQuery = z.object({ q: z.string().trim().max(100).optional().describe('Nome o e-mail') });
export const person = z.object({ userId: z.uuid(), displayName: z.string(), email: z.string(), roles: z.array(z.string()) });

// ---------------------------------------------------------------- employees

const personName = z.string().max(100);
export const createEmployeeBody = z.strictObject({
  taxCode: z.string().max(40).describe('Codice fiscale (16 caratteri, verificato)'),
  firstName: personName,
  lastName: personName,
  email: z.string().max(254).nullable().optional().describe('E-mail di lavoro: collega il dipendente all’account della piattaforma con la stessa e-mail'),
  officeId: z.uuid(),
  skills: z.array(skill).max(20).optional(),
  preferredWeekdays: z.array(weekday).max(7).optional().describe('Giorni preferiti per il lavoro da remoto'),
  disabledWorker: z.boolean().optional().describe('Lavoratore con disabilità o fragile: recesso del datore con 90 giorni di preavviso'),
});

export const updateEmployeeBody = z.strictObject({
  taxCode: z.string().max(40).optional(),
  firstName: personName.optional(),
  lastName: personName.optional(),
  email: z.string().max(254).nullable().optional(),
  officeId: z.uuid().optional(),
  skills: z.array(skill).max(20).optional(),
  preferredWeekdays: z.array(weekday).max(7).optional(),
  disabledWorker: z.boolean().optional(),
  active: z.boolean().optional().describe('false: il dipendente è disattivato (non conta per il presidio né per il piano)'),
});

export const employee = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  officeId: z.uuid(),
  officeCode: z.string(),
  officeName: z.string(),
  taxCode: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  userId: z.uuid().nullable().describe('Account della piattaforma collegato (per e-mail o codice fiscale)'),
  skills: z.array(z.string()),
  preferredWeekdays: z.array(z.number().int().min(1).max(7)),
  disabledWorker: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const listEmployeesQuery = z.object({
  ...pageQuery,
  officeId: z.uuid().optional().describe('Solo le persone di questo ufficio'),
  q: z.string().trim().max(100).optional().describe('Cognome, nome, codice fiscale o e-mail'),
  status: z.enum(['active', 'inactive', 'all']).default('all').describe('Attivi, disattivati o tutti'),
});

export const exportQuery = z.object({
  officeId: z.uuid().optional(),
  separator: z.enum(['semicolon', 'comma']).default('semicolon').describe('Separatore: punto e virgola (Excel in italiano) o virgola'),
});

export const importQuery = z.object({
  mode: z.enum(['preview', 'commit']).describe('preview: controlla e mostra ogni riga senza scrivere; commit: importa, solo se il file è senza errori'),
});

export const importBody = z.strictObject({
  content: z.string().max(12_000_000).describe('Il testo del file CSV (UTF-8; al massimo 5 MB e 20.000 righe)'),
  filename: z.string().max(200).optional(),
});

const problemItem = z.object({ column: z.enum(IMPORT_COLUMNS).nullable(), code: z.string(), message: z.string() });
export const importReport = z.object({
  separator: z.enum([';', ',']),
  clean: z.boolean(),
  committed: z.boolean().describe('true quando le righe sono state scritte (mode=commit)'),
  totalRows: z.number().int().min(0).max(1000000),
  rowsWithErrors: z.number().int().min(0).max(1000000),
  creates: z.number().int().min(0).max(1000000),
  updates: z.number().int().min(0).max(1000000),
  unchanged: z.number().int().min(0).max(1000000),
  fileErrors: z.array(problemItem),
  rows: z.array(
    z.object({
      line: z.number().int().min(1).max(100000000),
      values: z.object(Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, z.string().optional()])) as Record<(typeof IMPORT_COLUMNS)[number], z.ZodOptional<z.ZodString>>),
      action: z.enum(['create', 'update', 'unchanged']).nullable(),
      errors: z.array(problemItem),
      warnings: z.array(z.string()),
    }),
  ),
});

// ---------------------------------------------------------------- absences and closures

export const absenceKind = z.enum(ABSENCE_KINDS).describe('leave ferie/permesso, sick malattia, training formazione, other altro');
export const absencesQuery = z.object({
  from: day,
  to: day,
  employeeId: z.uuid().optional(),
  officeId: z.uuid().optional(),
});
export const absence = z.object({ employeeId: z.uuid(), day: z.string(), kind: absenceKind });
export const absenceList = z.object({ items: z.array(absence), truncated: z.boolean() });
export const setAbsencesBody = z.strictObject({ from: day, to: day, kind: absenceKind.default('leave') });
export const absenceRangeQuery = z.object({ from: day, to: day });
export const absenceResult = z.object({ employeeId: z.uuid(), from: z.string(), to: z.string(), days: z.number().int().min(0).max(366) });

export const closuresQuery = z.object({ from: day, to: day });
export const closure = z.object({ day: z.string(), reason: z.string() });
export const closureBody = z.strictObject({ reason: z.string().trim().max(200).default('') });

