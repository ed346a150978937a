/** Zod shapes shared by the module's routes (request and response). */
import { z } from 'zod';
import { ORGANIZATION_KINDS } from './organizations.repo.js';
import { IPA_CODE_RE, isValidPatronDay, isValidTaxCode, OPERATOR_KINDS } from './organization-rules.js';

export const organizationKind = z.enum(ORGANIZATION_KINDS).describe('Tipo di ente');
export const operatorKind = z.enum(OPERATOR_KINDS).describe('Tipo di ente creabile dagli operatori');

export const idParams = z.object({ id: z.uuid({ error: 'identificativo non valido (UUID atteso)' }).describe('Identificativo dell’ente') });

export const ipaCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(IPA_CODE_RE, { error: 'codice IPA non valido: da 2 a 20 caratteri tra lettere, cifre e trattino basso' })
  .describe('Codice IPA (minuscolo, per esempio c_a182)');
export const taxCode = z
  .string()
  .trim()
  .refine(isValidTaxCode, { error: 'codice fiscale non valido: servono 11 cifre con la cifra di controllo corretta' })
  .describe('Codice fiscale numerico o partita IVA (11 cifre)');
export const patronDay = z
  .string()
  .refine(isValidPatronDay, { error: 'giorno del patrono non valido: usa il formato MM-GG con una data esistente (per esempio 06-24)' })
  .describe('Giorno del santo patrono, MM-GG');
export const website = z
  .url({ protocol: /^https?$/, error: 'sito web non valido: indica un indirizzo http o https' })
  .max(300)
  .describe('Sito istituzionale');
export const pec = z.email({ error: 'indirizzo PEC non valido' }).max(254).describe('Posta elettronica certificata');
export const population = z.number().int().min(0).max(100_000_000).describe('Popolazione residente');
export const name = z.string().trim().min(2, { error: 'il nome deve avere almeno 2 caratteri' }).max(200).describe('Denominazione');

const nullable = <T extends z.ZodType>(s: T) => s.nullable();

export const organizationSummary = z.object({
  id: z.uuid(),
  kind: organizationKind,
  name: z.string().max(200),
  istatCode: z.string().max(6).nullable(),
  ipaCode: z.string().max(20).nullable(),
  regionCode: z.string().max(2).nullable(),
  provinceCode: z.string().max(2).nullable(),
});

export const organizationLink = z.object({
  id: z.uuid(),
  kind: organizationKind,
  name: z.string().max(200),
  relation: z.enum(['part_of', 'member_of']).describe('part_of: ente superiore; member_of: aderente a un’unione'),
});

export const organizationDetail = organizationSummary.extend({
  taxCode: z.string().max(11).nullable(),
  patronDay: z.string().max(5).nullable(),
  website: z.string().max(300).nullable(),
  pec: z.string().max(254).nullable(),
  population: z.number().int().min(0).max(100_000_000).nullable(),
  source: z.enum(['istat', 'operator']),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
  parents: z.array(organizationLink).max(1000),
});

export const createBody = z.strictObject({
  kind: operatorKind,
  name,
  ipaCode: ipaCode.optional(),
  taxCode: taxCode.optional(),
  parentIds: z.array(z.uuid({ error: 'identificativo non valido' })).max(20).optional().describe('Enti superiori'),
  memberIds: z.array(z.uuid({ error: 'identificativo non valido' })).max(500).optional().describe('Comuni aderenti (unioni, comunità montane)'),
  patronDay: patronDay.optional(),
  website: website.optional(),
  pec: pec.optional(),
  population: population.optional(),
});

export const updateBody = z.strictObject({
  name: name.optional(),
  ipaCode: nullable(ipaCode).optional(),
  taxCode: nullable(taxCode).optional(),
  patronDay: nullable(patronDay).optional(),
  website: nullable(website).optional(),
  pec: nullable(pec).optional(),
  population: nullable(population).optional(),
});
