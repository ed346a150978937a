/**
 * What the API answers for an agreement: the stored row, its last day in force, the status
 * timeline (from the row's own dates) and the actions the caller may take now, so that pages show
 * only the buttons that will work.
 */
import type { AuthContext } from '../../../platform/auth/context.js';
import { lastDayInForce, nextStatus } from './agreement-rules.js';
import { isHr, isManagerOf, isOwn } from './agreement-access.js';
import type { AgreementRow } from './agreements.repo.js';

export const AGREEMENT_ACTIONS = ['approve', 'refuse', 'register', 'withdraw', 'renew', 'acknowledgeSafety'] as const;
export type AgreementViewAction = (typeof AGREEMENT_ACTIONS)[number];

export const TIMELINE_EVENTS = ['requested', 'approved', 'refused', 'safety_acknowledged', 'registered', 'withdrawal_notified', 'withdrawn', 'expired'] as const;
export interface TimelineEntry {
  event: (typeof TIMELINE_EVENTS)[number];
  /** An instant (ISO 8601) or a calendar day (YYYY-MM-DD). */
  at: string;
  note: string | null;
}

export type AgreementView = Omit<AgreementRow, 'officeManagerUserId' | 'requestedBy' | 'decidedBy' | 'registeredBy'> & {
  lastDayInForce: string | null;
  timeline: TimelineEntry[];
  actions: AgreementViewAction[];
};

export function timelineOf(a: AgreementRow): TimelineEntry[] {
  const out: TimelineEntry[] = [{ event: 'requested', at: a.requestedAt, note: null }];
  if (a.decidedAt) out.push({ event: a.status === 'refused' ? 'refused' : 'approved', at: a.decidedAt, note: a.decisionReason });
  if (a.safetyInfoAcknowledgedAt) out.push({ event: 'safety_acknowledged', at: a.safetyInfoAcknowledgedAt, note: null });
  if (a.registeredAt) out.push({ event: 'registered', at: a.registeredAt, note: null });
  if (a.withdrawalNotifiedOn && a.registeredAt) out.push({ event: 'withdrawal_notified', at: a.withdrawalNotifiedOn, note: a.withdrawalReason });
  if (a.status === 'withdrawn') {
    const at = a.withdrawalEffectiveOn ?? a.withdrawalNotifiedOn;
    if (at) out.push({ event: 'withdrawn', at, note: a.registeredAt ? null : a.withdrawalReason || null });
  }
  if (a.status === 'expired' && a.endsOn) out.push({ event: 'expired', at: a.endsOn, note: null });
  // instants in order; a calendar day after the instants of that day (stable for equal keys)
  const key = (e: TimelineEntry) => (e.at.length === 10 ? `${e.at}T99` : e.at);
  return out.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
}

export function actionsFor(auth: AuthContext, a: AgreementRow): AgreementViewAction[] {
  const hr = isHr(auth);
  const own = isOwn(auth, a);
  const manager = isManagerOf(auth, a);
  const out: AgreementViewAction[] = [];
  if (nextStatus(a.status, 'approve') && (hr || manager) && !own) out.push('approve', 'refuse');
  if (nextStatus(a.status, 'register') && hr && a.safetyInfoAcknowledgedAt) out.push('register');
  const withdrawing = a.status === 'registered' && a.withdrawalNotifiedOn !== null;
  if (nextStatus(a.status, 'withdraw') && !withdrawing && (own || hr || manager)) out.push('withdraw');
  const last = lastDayInForce(a);
  if (nextStatus(a.status, 'renew') && last !== null && (own || hr)) out.push('renew');
  if (nextStatus(a.status, 'acknowledgeSafety') && own && !a.safetyInfoAcknowledgedAt) out.push('acknowledgeSafety');
  return out;
}

export function viewOf(auth: AuthContext, a: AgreementRow): AgreementView {
  const { officeManagerUserId: _m, requestedBy: _r, decidedBy: _d, registeredBy: _g, ...rest } = a;
  return { ...rest, lastDayInForce: lastDayInForce(a), timeline: timelineOf(a), actions: actionsFor(auth, a) };
}
