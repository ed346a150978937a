/** Zod schemas of the video routes of the conferencing module. */
import { z } from 'zod';
import { BBB_CHECKSUMS } from './video-bbb.js';

const HOST = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:[0-9]{1,5})?$/;

/** The settings of a video system; which ones are needed depends on the system (checked by the use case). Secrets are write-only. */
export const videoSettingsFields = {
  jitsiDomain: z.string().trim().max(260).regex(HOST, { error: 'nome di dominio (es. meet.esempio.it)' }).optional().describe('Jitsi: dominio del server (anche `sub` del token)'),
  jitsiAppId: z.string().trim().min(1).max(100).regex(/^[\x21-\x7e]+$/, { error: 'caratteri stampabili senza spazi' }).optional().describe('Jitsi: app_id di Prosody (emittente del token)'),
  jitsiAppSecret: z.string().min(16).max(512).optional().describe('Jitsi: app_secret di Prosody (solo scrittura, mai restituito)'),
  bbbApiUrl: z.url({ protocol: /^https?$/, error: 'indirizzo http(s) dell’API (es. https://bbb.esempio.it/bigbluebutton/api)' }).max(500).optional().describe('BigBlueButton: indirizzo base dell’API'),
  bbbSecret: z.string().min(16).max(512).optional().describe('BigBlueButton: segreto condiviso (solo scrittura, mai restituito)'),
  bbbChecksum: z.enum(BBB_CHECKSUMS).optional().describe('BigBlueButton: algoritmo del checksum (predefinito sha256; sha1 per server precedenti alla 2.5)'),
};

export const platformVideoBody = z.strictObject({
  videoSystem: z.enum(['none', 'jitsi', 'bbb']).describe('Il sistema video della piattaforma; none toglie le impostazioni'),
  ...videoSettingsFields,
});

export const platformVideo = z.object({
  platformId: z.uuid(),
  videoSystem: z.enum(['none', 'jitsi', 'bbb']),
  videoConfigured: z.boolean(),
  jitsiDomain: z.string().nullable(),
  jitsiAppId: z.string().nullable(),
  bbbApiUrl: z.string().nullable(),
  bbbChecksum: z.enum(BBB_CHECKSUMS).nullable(),
  updatedAt: z.string().nullable(),
});

export const bookingLinks = z.object({
  bookingId: z.uuid(),
  videoSystem: z.enum(['none', 'jitsi', 'bbb']),
  room: z.string().nullable().describe('Stanza Jitsi o meetingID di BigBlueButton'),
  validFrom: z.string(),
  validUntil: z.string(),
  attendeeUrl: z.string().nullable().describe('Collegamento da condividere con i partecipanti'),
  moderatorUrl: z.string().nullable().describe('Collegamento dell’organizzatore (moderatore): solo per l’ente che ha prenotato'),
  createUrl: z.string().nullable().describe('BigBlueButton: chiamata create firmata, da fare prima di entrare (solo per l’ente che ha prenotato)'),
});

// Prosody's mod_reservations: form fields in snake_case, as Jicofo's reservation API defined them.
// Not strict: the caller is another system, and a field it adds in a later version must not close every room.
export const jitsiConferenceBody = z.object({
  name: z.string().trim().min(1).max(300).describe('Nome breve della stanza (con [tenant] davanti se Jitsi usa i tenant)'),
  start_time: z
    .string()
    .max(40)
    .refine((s) => !Number.isNaN(Date.parse(s)), { error: 'data e ora ISO 8601 (es. 2048-04-20T17:55:12.000Z)' })
    .optional()
    .describe('Quando Prosody crea la stanza'),
  mail_owner: z.string().max(320).optional().describe('Identità di chi apre la stanza (JID)'),
});

export const jitsiConference = z.object({
  id: z.uuid().describe('Identificativo della conferenza: la prenotazione'),
  name: z.string(),
  mail_owner: z.string(),
  start_time: z.string(),
  duration: z.number().int().min(1).max(10_000_000).describe('Secondi fino alla fine della prenotazione'),
  max_occupants: z.number().int().min(1).max(100_000).describe('Collegamenti prenotati'),
});
