/**
 * The reminder of the day before: a daily job (module.ts) mails the organiser of every accepted
 * booking that starts tomorrow (the Europe/Rome calendar day after `now`). Exactly once per
 * booking: the booking is marked (`reminded_at`) in the same statement that selects it and the
 * mail is queued in the same transaction, so a second run — or a second worker — finds nothing.
 * Bookings cancelled, refused, still pending or moved to another day are not selected; a booking
 * already reminded is not reminded again even if it changes later (the change mailed an update).
 * Runs in platform scope (all bodies), as the application role.
 */
import type { Db } from '../../../platform/db/index.js';
import { addDays, romeParts, romeStartOfDay } from '../../../platform/calendar/rome.js';
import { queueBookingNotice } from './booking-notices.js';
import { DEFAULT_MAIL_SETTINGS, type MailSettings } from './invitation.js';
import * as repo from './bookings.repo.js';
import { platformRepo } from '../platforms/index.js';
import { clock } from '../../../platform/clock.js';

export const REMINDER_JOB = 'conferencing.reminders';
/** Mornings at 09:00 in Rome: the organiser has the working day to get ready. */
export const REMINDER_SCHEDULE = 'daily 09:00';

export async function sendReminders(db: Db, opts: { now?: number; mail?: MailSettings } = {}): Promise<{ reminded: number; day: string }> {
  const now = opts.now ?? clock.now();
  const mail = opts.mail ?? DEFAULT_MAIL_SETTINGS;
  const day = addDays(romeParts(now).date, 1);
  return db.tx({ platform: true }, async (tx) => {
    const due = await repo.claimReminders(tx, romeStartOfDay(day), romeStartOfDay(addDays(day, 1)), now);
    const platforms = new Map<string, platformRepo.PlatformRow>();
    for (const b of due) {
      let p = platforms.get(b.platformId);
      if (!p) {
        p = (await platformRepo.selectPlatform(tx, b.platformId))!;
        platforms.set(p.id, p);
      }
      await queueBookingNotice(tx, 'reminder', p, b, mail, now, { uniqueKey: `${REMINDER_JOB}:${b.id}` });
    }
    return { reminded: due.length, day };
  });
}
