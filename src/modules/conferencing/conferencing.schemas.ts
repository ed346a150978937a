/** Zod schemas shared by the conferencing routes (requests are strict: unknown fields are refused). */
import { z } from 'zod';
import { isoInstant } from '../../platform/http/dates.js';

export const idParams = z.object({ id: z.uuid({ error: 'identificativo non valido (UUID atteso)' }).describe('Identificativo') });

export const instant = isoInstant();
