/** Zod schemas of the platforms' routes: register, change, archive, catalogue, availability, usage. */
import { z } from 'zod';
import { videoSettingsFields } from '../video/index.js';
import { PLATFORM_ACCESS } from './platforms.repo.js';
import { instant } from '../conferencing.schemas.js';
import { isoDay } from '../../../platform/http/dates.js';

const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/, { error: 'ora nel formato HH:MM' });
export const openingHours = z
  .record(z.string().regex(/^[1-7]$/, { error: 'giorno ISO da 1 (lunedì) a 7 (domenica)' }), z.array(z.array(hhmm).length(2, { error: 'una fascia è [inizio, fine]' }).transform((w) => [w[0], w[1]] as [string, string])).max(6))
  .describe('Fasce orarie (ora italiana) per giorno della settimana ISO: "1" lunedì … "7" domenica');

const platformSettings = {
  name: z.string().trim().min(1).max(200),
  capacity: z.number().int().min(1).max(100000).describe('Collegamenti contemporanei'),
  access: z.enum(PLATFORM_ACCESS).optional().describe('Chi prenota: members (enti aderenti), territory (enti del territorio), everyone'),
  memberIds: z.array(z.uuid()).max(2000).optional().describe('Enti aderenti che possono prenotare'),
  territoryId: z.uuid().nullable().optional().describe('Regione, provincia o città metropolitana i cui enti possono prenotare (accesso territory)'),
  minNoticeDays: z.number().int().min(0).max(365).optional(),
  maxHorizonDays: z.number().int().min(1).max(1000).optional(),
  maxDurationMinutes: z.number().int().min(1).max(10080).optional(),
  openingHours: openingHours.optional(),
  openOnHolidays: z.boolean().optional(),
  requiresApproval: z.boolean().optional(),
  videoSystem: z.enum(['none', 'jitsi', 'bbb']).optional(),
  link: z.url().max(500).nullable().optional(),
};

export const createPlatformBody = z.strictObject({
  operatorId: z.uuid().optional().describe('Ente gestore (fornitore o associazione); di norma il tuo ente'),
  video: z.strictObject(videoSettingsFields).optional().describe('Impostazioni del sistema video (videoSystem): i segreti si scrivono e non vengono mai restituiti'),
  ...platformSettings,
});

/**
 * A change of a platform: any of its booking settings. The operator does not change; the video
 * system and its settings change through PUT /conference-platforms/{id}/video.
 */
export const updatePlatformBody = z
  .strictObject(platformSettings)
  .pick({
    name: true,
    capacity: true,
    access: true,
    memberIds: true,
    territoryId: true,
    minNoticeDays: true,
    maxHorizonDays: true,
    maxDurationMinutes: true,
    openingHours: true,
    openOnHolidays: true,
    requiresApproval: true,
    link: true,
  })
  .partial();

export const archivePlatformQuery = z.object({
  cancelBookings: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: annulla le prenotazioni non ancora iniziate (con e-mail agli organizzatori); altrimenti, se ce ne sono, la richiesta è rifiutata'),
});

export const platform = z.object({
  id: z.uuid(),
  operatorId: z.uuid(),
  name: z.string(),
  capacity: z.number().int().min(1).max(100000),
  access: z.enum(PLATFORM_ACCESS),
  memberIds: z.array(z.string()),
  territoryId: z.uuid().nullable(),
  minNoticeDays: z.number().int().min(0).max(365),
  maxHorizonDays: z.number().int().min(1).max(1000),
  maxDurationMinutes: z.number().int().min(1).max(10080),
  openingHours: z.record(z.string(), z.array(z.array(z.string()).length(2))),
  openOnHolidays: z.boolean(),
  requiresApproval: z.boolean(),
  videoSystem: z.enum(['none', 'jitsi', 'bbb']),
  link: z.string().nullable(),
  videoConfigured: z.boolean().describe('Il sistema video ha le sue impostazioni (i segreti non sono mai restituiti)'),
  archivedAt: z.string().nullable().describe('Quando la piattaforma è stata dismessa'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const archivedPlatform = z.object({
  platform,
  cancelledBookings: z.number().int().min(0).max(1000000).describe('Prenotazioni future annullate'),
});

const day = isoDay();
export const usageQuery = z.object({
  from: day.describe('Primo giorno del periodo (ora italiana), incluso'),
  to: day.describe('Ultimo giorno del periodo, incluso (al massimo 366 giorni)'),
});

const usageFigures = {
  bookings: z.number().int().min(0).max(100000000),
  hours: z.number().min(0).max(1e12).describe('Ore prenotate (due decimali)'),
  peakConnections: z.number().int().min(0).max(100000000).describe('Massimo di collegamenti contemporanei'),
};

export const usage = z.object({
  platformId: z.uuid(),
  from: z.string(),
  to: z.string(),
  capacity: z.number().int().min(1).max(100000),
  totals: z.object(usageFigures),
  byMonth: z.array(z.object({ month: z.string().describe('AAAA-MM'), ...usageFigures })),
  byOrganization: z.array(z.object({ organizationId: z.uuid(), name: z.string(), ...usageFigures })),
});

export const availabilityQuery = z.object({ from: instant, to: instant });
export const availabilitySegment = z.object({
  start: z.string(),
  end: z.string(),
  used: z.number().int().min(0),
  free: z.number().int().min(0),
});
