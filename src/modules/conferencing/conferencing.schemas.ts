/** Zod schemas shared by the conferencing routes (requests are strict: unknown fields are refused). */
import { z } from 'zod';

export const idParams = z.object({ id: z.uuid({ error: 'identificativo non valido (UUID atteso)' }).describe('Identificativo') });

export const instant = z.iso.datetime({ offset: true, error: 'data e ora ISO 8601 con fuso (es. 2027-01-12T09:00:00+01:00)' });
