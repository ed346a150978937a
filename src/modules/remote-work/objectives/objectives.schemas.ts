/** Zod schemas of the objectives and teams routes. */
import { z } from 'zod';
import { pageQuery } from '../../../platform/http/pagination.js';
import { DIRECTIONS, MAX_ABS_VALUE, MAX_INDICATORS, MAX_RESPONSIBLES, SCOPES, VALUE_TYPES } from './objective-rules.js';
import { isoDay } from '../../../platform/http/dates.js';

const day = isoDay();
const uuid = z.uuid({ error: 'identificativo non valido (UUID atteso)' });
const value = z.number().min(-MAX_ABS_VALUE).max(MAX_ABS_VALUE);
const percent = z.number().min(0).max(100);
const count = z.number().int().min(0).max(1_000_000);

export const idParams = z.object({ id: uuid.describe('Identificativo') });

// ------------------------------------------------------------------------------------------ inputs

const indicatorInput = z.strictObject({
  id: uuid.optional().describe('Per modificare un indicatore esistente; senza, l’indicatore è nuovo'),
  name: z.string().max(200),
  unit: z.string().max(40).default(''),
  valueType: z.enum(VALUE_TYPES).describe('number: fino a due decimali; integer: intero; percent: da 0 a 100'),
  baseline: value.describe('Valore di partenza'),
  target: value.describe('Valore obiettivo'),
  direction: z.enum(DIRECTIONS).describe('increase: il valore deve crescere; decrease: deve diminuire'),
});

export const createObjectiveBody = z.strictObject({
  title: z.string().min(1).max(200),
  description: z.string().max(4000).default(''),
  scope: z.enum(SCOPES).describe('office, team o person'),
  ownerId: uuid.describe('L’ufficio, il gruppo o il dipendente'),
  startsOn: day,
  endsOn: day,
  indicators: z.array(indicatorInput).min(1).max(MAX_INDICATORS),
  responsibleUserIds: z.array(uuid).min(1).max(MAX_RESPONSIBLES).describe('Le persone che inviano i resoconti'),
});

export const updateObjectiveBody = z
  .object({
    title: z.string().min(1).max(200),
    description: z.string().max(4000),
    startsOn: day,
    endsOn: day,
    indicators: z.array(indicatorInput).min(1).max(MAX_INDICATORS),
    responsibleUserIds: z.array(uuid).min(1).max(MAX_RESPONSIBLES),
  })
  .partial()
  .strict();

export const createReportBody = z.strictObject({
  reportedOn: day.describe('Data del resoconto, nel periodo dell’obiettivo e non futura'),
  comment: z.string().max(4000).default(''),
  values: z.array(z.strictObject({ indicatorId: uuid, value })).min(1).max(MAX_INDICATORS),
});

export const listObjectivesQuery = z.object({
  scope: z.enum(SCOPES).optional(),
  officeId: uuid.optional().describe('Obiettivi che ricadono nell’ufficio (dell’ufficio, dei suoi gruppi, delle sue persone)'),
  teamId: uuid.optional(),
  employeeId: uuid.optional(),
  period: z.enum(['current', 'future', 'past', 'all']).default('all').describe('current: in corso oggi'),
  q: z.string().max(100).optional().describe('Parte del titolo'),
  ...pageQuery,
});

export const peopleQuery = z.object({ q: z.string().max(100).optional() });

export const teamBody = z.strictObject({
  name: z.string().min(1).max(200),
  officeId: uuid.nullable().describe('L’ufficio del gruppo; null per un gruppo di tutto l’ente (solo l’ufficio del personale)'),
  memberIds: z.array(uuid).max(500).describe('I dipendenti del gruppo'),
});

// ------------------------------------------------------------------------------------------ answers

const progressStatus = z.enum(['not_started', 'on_track', 'late', 'achieved', 'missed']);
const person = z.object({ userId: z.uuid(), name: z.string() });

const objectiveFields = {
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  scope: z.enum(SCOPES),
  officeId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  employeeId: z.uuid().nullable(),
  ownerName: z.string(),
  ownerOfficeId: z.uuid().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  responsibles: z.array(person),
  canEdit: z.boolean(),
  canReport: z.boolean(),
};

export const objectiveSummary = z.object({
  ...objectiveFields,
  indicatorCount: count,
  lastReportOn: z.string().nullable(),
  progress: z.object({ achievedPercent: percent, expectedPercent: percent, status: progressStatus }),
});

export const objectiveList = z.object({
  items: z.array(objectiveSummary),
  page: z.number().int().min(1).max(100000),
  pageSize: z.number().int().min(1).max(100),
  total: count,
  canCreate: z.boolean(),
});

export const objectiveDetail = z.object({
  ...objectiveFields,
  indicators: z.array(
    z.object({ id: z.uuid(), name: z.string(), unit: z.string(), valueType: z.enum(VALUE_TYPES), baseline: value, target: value, direction: z.enum(DIRECTIONS) }),
  ),
  reports: z.array(
    z.object({
      id: z.uuid(),
      reportedOn: z.string(),
      comment: z.string(),
      reportedBy: z.uuid().nullable(),
      reportedByName: z.string().nullable(),
      createdAt: z.string(),
      values: z.array(z.object({ indicatorId: z.uuid(), value })),
    }),
  ),
  progress: z.object({
    achievedPercent: percent,
    expectedPercent: percent,
    status: progressStatus,
    indicators: z.array(z.object({ indicatorId: z.uuid(), latestValue: value.nullable(), latestOn: z.string().nullable(), achievedPercent: percent.nullable() })),
  }),
});

export const team = z.object({
  id: z.uuid(),
  name: z.string(),
  officeId: z.uuid().nullable(),
  officeName: z.string().nullable(),
  members: z.array(z.object({ employeeId: z.uuid(), name: z.string(), officeId: z.uuid() })),
  objectives: count,
  updatedAt: z.string(),
});

export const teamList = z.object({ items: z.array(team.extend({ canEdit: z.boolean() })) });

export const peopleList = z.object({
  items: z.array(z.object({ userId: z.uuid(), displayName: z.string(), email: z.string(), roles: z.array(z.string()) })),
});
