/** Zod schemas of the bookings' routes (requests are strict: unknown fields are refused). */
import { z } from 'zod';
import { BOOKING_KINDS, BOOKING_STATUSES } from './bookings.repo.js';
import { instant } from '../conferencing.schemas.js';


export const createBookingBody = z.strictObject({
  platformId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  kind: z.enum(BOOKING_KINDS),
  start: instant,
  end: instant,
  expectedConnections: z.number().int().min(-1000000).max(1000000).describe('Collegamenti contemporanei previsti'),
  organiserName: z.string().trim().min(1).max(200),
  organiserEmail: z.email().max(254),
  organiserPhone: z.string().trim().max(40).nullable().optional(),
});

export const updateBookingBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  kind: z.enum(BOOKING_KINDS).optional(),
  start: instant.optional(),
  end: instant.optional(),
  expectedConnections: z.number().int().min(-1000000).max(1000000).optional(),
  organiserName: z.string().trim().min(1).max(200).optional(),
  organiserEmail: z.email().max(254).optional(),
  organiserPhone: z.string().trim().max(40).nullable().optional(),
});

export const booking = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  organizationId: z.uuid(),
  createdBy: z.uuid().nullable(),
  title: z.string(),
  kind: z.enum(BOOKING_KINDS),
  start: z.string(),
  end: z.string(),
  expectedConnections: z.number().int().min(1).max(100000),
  organiserName: z.string(),
  organiserEmail: z.string(),
  organiserPhone: z.string().nullable(),
  status: z.enum(BOOKING_STATUSES),
  sequence: z.number().int().min(0).max(2147483647).describe('Versione dell’invito iCalendar (SEQUENCE)'),
  organizationName: z.string().optional().describe('Nome dell’ente che ha prenotato'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const bookingListQuery = z.object({
  platformId: z.uuid().optional(),
  organizationId: z.uuid().optional().describe('Ente che ha prenotato'),
  status: z.enum(BOOKING_STATUSES).optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true: solo le prenotazioni fatte da me'),
  from: instant.optional().describe('Prenotazioni che finiscono dopo questo istante'),
  to: instant.optional().describe('Prenotazioni che iniziano prima di questo istante'),
});
