/**
 * Use case: Jitsi's room reservation API, as Prosody's `mod_reservations` calls it. When the first
 * participant opens a room, Prosody posts `name`, `start_time` and `mail_owner` and opens the room
 * only on a 200/201 whose JSON carries `id`, `name`, `mail_owner`, `start_time`, `duration`
 * (seconds; Prosody closes the room at start_time + duration) and `max_occupants` (enforced with
 * `reservations_enable_max_occupants`). Any other 4xx refuses the room, and its `message` is shown.
 *
 * A room opens only when an accepted booking of a Jitsi platform of the caller's operator body
 * owns that room and covers now (from JITSI_EARLY_MINUTES before its start); it stays open until
 * the booking's end, for at most the booked connections.
 */
import type { Db, Tx } from '../../../platform/db/index.js';
import { dbContext, isPlatformAdmin, type AuthContext } from '../../../platform/auth/context.js';
import { errors } from '../../../platform/http/errors.js';
import * as repo from './video.repo.js';
import { videoErrors as V } from './video.errors.js';
import { clock } from '../../../platform/clock.js';

/** Minutes before the booking's start when its room may already open. */
export const JITSI_EARLY_MINUTES = 10;

export interface JitsiConferenceRequest {
  name: string;
  start_time?: string;
  mail_owner?: string;
}

export interface JitsiConference {
  id: string;
  name: string;
  mail_owner: string;
  start_time: string;
  duration: number;
  max_occupants: number;
}

const ROOM = /^[a-z0-9]{8,64}$/;

/** The room of a conference name: without the `[tenant]` prefix Prosody adds on tenant URLs, lowercase. */
export function roomOf(name: string): string {
  return name.replace(/^\[[^\]]*\]/, '').trim().toLowerCase();
}

const romeTime = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const at = (ms: number) => romeTime.format(new Date(ms)).replace(', ', ' alle ');

/** Only the operator body's staff (with an API token, as Prosody calls) or platform admins. */
function checkCaller(auth: AuthContext): void {
  if (auth.via !== 'token') throw errors.forbidden('Usa un token API del gestore (Authorization: Bearer …), come nella configurazione di Prosody.');
  if (!isPlatformAdmin(auth) && !auth.roles.includes('provider_staff')) {
    throw errors.forbidden('Il token deve essere di una persona del personale del gestore della piattaforma.');
  }
}

async function roomBooking(db: Db, auth: AuthContext, find: (tx: Tx) => Promise<repo.RoomBookingRow | null>, what: string) {
  const b = await db.tx(dbContext(auth), find);
  // another operator's room, a room of a platform that does not drive Jitsi, no room at all: the same answer
  if (!b || b.videoSystem !== 'jitsi' || (!isPlatformAdmin(auth) && b.operatorId !== auth.organizationId)) {
    throw V.roomUnknown(`Nessuna riunione prenotata per ${what} sulle piattaforme Jitsi del tuo ente.`);
  }
  return b;
}

/** The reply for a booking at `now`, or the refusal: not accepted, not yet open, already over. */
export function conferenceAt(b: repo.RoomBookingRow, name: string, mailOwner: string, now: number): JitsiConference {
  if (b.status !== 'accepted') {
    const why = { pending: 'è in attesa di approvazione del gestore', cancelled: 'è stata annullata', refused: 'è stata rifiutata', accepted: '' }[b.status];
    throw V.bookingNotActive(`La prenotazione di questa stanza ${why}.`);
  }
  const start = Date.parse(b.start);
  const end = Date.parse(b.end);
  const opens = start - JITSI_EARLY_MINUTES * 60_000;
  if (now < opens) throw V.tooEarly(`La stanza si apre il ${at(opens)} (ora italiana), ${JITSI_EARLY_MINUTES} minuti prima dell’inizio della riunione prenotata.`);
  if (now >= end) throw V.ended(`La prenotazione di questa stanza è terminata il ${at(end)} (ora italiana).`);
  // Prosody drops the milliseconds of start_time: count from the whole second, and round up to the end.
  const since = Math.floor(now / 1000) * 1000;
  return {
    id: b.bookingId,
    name,
    mail_owner: mailOwner,
    start_time: new Date(since).toISOString(),
    duration: Math.ceil((end - since) / 1000),
    max_occupants: b.expectedConnections,
  };
}

/** POST /integrations/jitsi/conference */
export async function reserveJitsiConference(db: Db, auth: AuthContext, req: JitsiConferenceRequest, opts: { now?: number } = {}): Promise<JitsiConference> {
  checkCaller(auth);
  const now = opts.now ?? clock.now();
  const room = roomOf(req.name);
  if (!ROOM.test(room)) throw V.roomUnknown(`La stanza «${req.name.slice(0, 100)}» non è una stanza prenotata: usa il collegamento della prenotazione.`);
  const b = await roomBooking(db, auth, (tx) => repo.selectBookingByRoom(tx, room), `la stanza ${room}`);
  return conferenceAt(b, req.name, req.mail_owner ?? '', now);
}

/** GET /integrations/jitsi/conference/{id}: the same information for a conference id Prosody received. */
export async function showJitsiConference(db: Db, auth: AuthContext, id: string, opts: { now?: number } = {}): Promise<JitsiConference> {
  checkCaller(auth);
  const b = await roomBooking(db, auth, (tx) => repo.selectBookingRoomById(tx, id), `la conferenza ${id}`);
  return conferenceAt(b, b.room, b.organiserEmail, opts.now ?? clock.now());
}

/** DELETE /integrations/jitsi/conference/{id}: Prosody says the room was closed; nothing is stored, so it is acknowledged. */
export async function closeJitsiConference(db: Db, auth: AuthContext, id: string): Promise<void> {
  checkCaller(auth);
  await roomBooking(db, auth, (tx) => repo.selectBookingRoomById(tx, id), `la conferenza ${id}`);
}
