/**
 * The platform form without React: its state, the checks made before sending (the API decides
 * again), the request bodies, and the API's field names mapped back to the form's fields.
 */
import type { BodyOf } from '../../api/types';
import type { MessageKey } from '../../i18n/it';
import { isTime, minutesOf } from './rome-time';
import type { BbbChecksum, Platform, PlatformVideo, VideoSystem } from './types';

/** The operator's list of platforms ("Le tue piattaforme"); new and edit pages live below it. */
export const PLATFORMS_HOME = '/videoconferenze/gestione/piattaforme';

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const TERRITORY_KINDS = ['region', 'province', 'metropolitan_city'] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];
export const ACCESS = ['members', 'territory', 'everyone'] as const;
export type Access = (typeof ACCESS)[number];
/** The API takes at most this many windows a day. */
export const MAX_WINDOWS = 6;
/** The API takes at most this many member bodies. */
export const MAX_MEMBERS = 2000;

/** One opening window; `key` only keeps React's rows stable. An end of 00:00 is midnight, the end of the day. */
export interface OpeningWindow {
  key: number;
  from: string;
  to: string;
}

export interface PlatformForm {
  operatorId: string;
  name: string;
  capacity: string;
  access: Access;
  memberIds: string[];
  territoryKind: TerritoryKind;
  territoryId: string;
  minNoticeDays: string;
  maxHorizonDays: string;
  /** hours, decimals allowed (the API takes minutes) */
  maxDurationHours: string;
  hours: Record<Weekday, OpeningWindow[]>;
  openOnHolidays: boolean;
  requiresApproval: boolean;
  link: string;
}

export interface VideoForm {
  system: VideoSystem;
  jitsiDomain: string;
  jitsiAppId: string;
  jitsiAppSecret: string;
  bbbApiUrl: string;
  bbbSecret: string;
  bbbChecksum: BbbChecksum;
}

/** A message to show, as a key of the dictionaries and its values. */
export interface FormMessage {
  key: MessageKey;
  vars?: Record<string, string | number>;
}
export type FormErrors = Record<string, FormMessage>;

let nextKey = 1;
export function newWindow(from = '', to = ''): OpeningWindow {
  return { key: nextKey++, from, to };
}

/** Monday to Friday 08:00-20:00: what the API gives when no hours are sent. */
export function defaultHours(): Record<Weekday, OpeningWindow[]> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, Number(d) <= 5 ? [newWindow('08:00', '20:00')] : []])) as Record<Weekday, OpeningWindow[]>;
}

export function emptyPlatformForm(operatorId = ''): PlatformForm {
  return {
    operatorId,
    name: '',
    capacity: '',
    access: 'members',
    memberIds: [],
    territoryKind: 'region',
    territoryId: '',
    minNoticeDays: '1',
    maxHorizonDays: '90',
    maxDurationHours: '8',
    hours: defaultHours(),
    openOnHolidays: false,
    requiresApproval: false,
    link: '',
  };
}

export function emptyVideoForm(system: VideoSystem = 'none'): VideoForm {
  return { system, jitsiDomain: '', jitsiAppId: '', jitsiAppSecret: '', bbbApiUrl: '', bbbSecret: '', bbbChecksum: 'sha256' };
}

/** The video form filled with what the API shows (never a secret: those are typed again). */
export function videoFormOf(v: PlatformVideo): VideoForm {
  return {
    ...emptyVideoForm(v.videoSystem),
    jitsiDomain: v.jitsiDomain ?? '',
    jitsiAppId: v.jitsiAppId ?? '',
    bbbApiUrl: v.bbbApiUrl ?? '',
    bbbChecksum: v.bbbChecksum ?? 'sha256',
  };
}

function hoursText(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** The form of an existing platform; the territory's kind comes from the directory. */
export function platformFormOf(p: Platform, territoryKind: TerritoryKind = 'region'): PlatformForm {
  const hours = Object.fromEntries(
    WEEKDAYS.map((d) => [d, (p.openingHours[d] ?? []).map(([a, b]) => newWindow(a, b === '24:00' ? '00:00' : b))]),
  ) as Record<Weekday, OpeningWindow[]>;
  return {
    operatorId: p.operatorId,
    name: p.name,
    capacity: String(p.capacity),
    access: p.access,
    memberIds: [...p.memberIds],
    territoryKind,
    territoryId: p.territoryId ?? '',
    minNoticeDays: String(p.minNoticeDays),
    maxHorizonDays: String(p.maxHorizonDays),
    maxDurationHours: hoursText(p.maxDurationMinutes),
    hours,
    openOnHolidays: p.openOnHolidays,
    requiresApproval: p.requiresApproval,
    link: p.link ?? '',
  };
}

/** Minutes of a window's end: 00:00 is the midnight that ends the day. */
export function endMinutes(to: string): number {
  return to === '00:00' || to === '24:00' ? 1440 : minutesOf(to);
}

function wholeNumber(s: string): number | null {
  const t = s.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

function isUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Problems of one day's windows, by field: `hours.<day>.<i>.from|to` and `hours.<day>` for overlaps. */
export function hoursErrors(hours: PlatformForm['hours']): FormErrors {
  const out: FormErrors = {};
  for (const d of WEEKDAYS) {
    const ws = hours[d];
    if (ws.length > MAX_WINDOWS) out[`hours.${d}`] = { key: 'conf.pf.err.tooManyWindows', vars: { max: MAX_WINDOWS } };
    const valid: [number, number][] = [];
    ws.forEach((w, i) => {
      const okFrom = isTime(w.from);
      const okTo = isTime(w.to);
      if (!okFrom) out[`hours.${d}.${i}.from`] = { key: 'conf.pf.err.time' };
      if (!okTo) out[`hours.${d}.${i}.to`] = { key: 'conf.pf.err.time' };
      if (okFrom && okTo) {
        const a = minutesOf(w.from);
        const b = endMinutes(w.to);
        if (b <= a) out[`hours.${d}.${i}.to`] = { key: 'conf.pf.err.windowOrder' };
        else valid.push([a, b]);
      }
    });
    const sorted = [...valid].sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i][0] < sorted[i - 1][1] && !out[`hours.${d}`]) out[`hours.${d}`] = { key: 'conf.pf.err.overlap' };
    }
  }
  return out;
}

/** The checks made before sending; the API checks again and its answers are shown too. */
export function platformFormErrors(f: PlatformForm, opts: { needOperator?: boolean } = {}): FormErrors {
  const e: FormErrors = {};
  if (opts.needOperator && !f.operatorId) e.operator = { key: 'conf.pf.err.operator' };
  if (!f.name.trim()) e.name = { key: 'conf.pf.err.name' };
  else if (f.name.trim().length > 200) e.name = { key: 'conf.pf.err.nameLong' };
  const cap = wholeNumber(f.capacity);
  if (cap === null || cap < 1 || cap > 100000) e.capacity = { key: 'conf.pf.err.capacity' };
  if (f.access === 'territory' && !f.territoryId) e.territory = { key: 'conf.pf.err.territory' };
  if (f.access === 'members' && f.memberIds.length > MAX_MEMBERS) e.members = { key: 'conf.pf.err.tooManyMembers', vars: { max: MAX_MEMBERS } };
  const notice = wholeNumber(f.minNoticeDays);
  if (notice === null || notice > 365) e.minNoticeDays = { key: 'conf.pf.err.notice' };
  const horizon = wholeNumber(f.maxHorizonDays);
  if (horizon === null || horizon < 1 || horizon > 1000) e.maxHorizonDays = { key: 'conf.pf.err.horizon' };
  else if (notice !== null && notice >= horizon) e.maxHorizonDays = { key: 'conf.pf.err.horizonBelowNotice' };
  const minutes = durationMinutes(f.maxDurationHours);
  if (minutes === null || minutes < 1 || minutes > 10080) e.maxDuration = { key: 'conf.pf.err.duration' };
  Object.assign(e, hoursErrors(f.hours));
  if (f.link.trim() && (!isUrl(f.link.trim()) || f.link.trim().length > 500)) e.link = { key: 'conf.pf.err.link' };
  return e;
}

/** Hours typed with a dot or a comma ("1,5") as minutes, or null. */
export function durationMinutes(hours: string): number | null {
  const t = hours.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Math.round(Number(t) * 60);
}

export function videoFormErrors(v: VideoForm, opts: { secretRequired: boolean }): FormErrors {
  const e: FormErrors = {};
  if (v.system === 'jitsi') {
    if (!/^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:[0-9]{1,5})?$/.test(v.jitsiDomain.trim())) {
      e.jitsiDomain = { key: 'conf.pf.err.domain' };
    }
    if (!/^[\x21-\x7e]{1,100}$/.test(v.jitsiAppId.trim())) e.jitsiAppId = { key: 'conf.pf.err.appId' };
    if (opts.secretRequired && v.jitsiAppSecret.length < 16) e.jitsiAppSecret = { key: 'conf.pf.err.secret' };
    else if (v.jitsiAppSecret.length > 512) e.jitsiAppSecret = { key: 'conf.pf.err.secretLong' };
  }
  if (v.system === 'bbb') {
    if (!isUrl(v.bbbApiUrl.trim())) e.bbbApiUrl = { key: 'conf.pf.err.bbbUrl' };
    if (opts.secretRequired && v.bbbSecret.length < 16) e.bbbSecret = { key: 'conf.pf.err.secret' };
    else if (v.bbbSecret.length > 512) e.bbbSecret = { key: 'conf.pf.err.secretLong' };
  }
  return e;
}

/** Opening hours as the API takes them: "1".."7" → [["08:00", "13:00"], …], sorted; an end of 00:00 is 24:00. */
export function openingHoursBody(hours: PlatformForm['hours']): Record<string, [string, string][]> {
  const out: Record<string, [string, string][]> = {};
  for (const d of WEEKDAYS) {
    const ws = hours[d]
      .map((w) => [w.from, w.to === '00:00' ? '24:00' : w.to] as [string, string])
      .sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
    if (ws.length) out[d] = ws;
  }
  return out;
}

/** The booking settings (PATCH body; POST adds the operator and the video system). */
export function platformSettingsBody(f: PlatformForm) {
  return {
    name: f.name.trim(),
    capacity: Number(f.capacity.trim()),
    access: f.access,
    memberIds: f.access === 'members' ? [...new Set(f.memberIds)] : [],
    territoryId: f.access === 'territory' ? f.territoryId : null,
    minNoticeDays: Number(f.minNoticeDays.trim()),
    maxHorizonDays: Number(f.maxHorizonDays.trim()),
    maxDurationMinutes: durationMinutes(f.maxDurationHours)!,
    openingHours: openingHoursBody(f.hours),
    openOnHolidays: f.openOnHolidays,
    requiresApproval: f.requiresApproval,
    link: f.link.trim() || null,
  };
}

/** The settings of one video system, without the choice of system. */
export type VideoSettings = Omit<BodyOf<'replaceConferencePlatformVideo'>, 'videoSystem'>;

/** The video settings of one system (the body of PUT …/video, or `video` on create). */
export function videoSettingsBody(v: VideoForm): VideoSettings {
  if (v.system === 'jitsi') return { jitsiDomain: v.jitsiDomain.trim(), jitsiAppId: v.jitsiAppId.trim(), jitsiAppSecret: v.jitsiAppSecret };
  if (v.system === 'bbb') return { bbbApiUrl: v.bbbApiUrl.trim(), bbbSecret: v.bbbSecret, bbbChecksum: v.bbbChecksum };
  return {};
}

export function createPlatformBody(f: PlatformForm, v: VideoForm, opts: { sendOperator: boolean }) {
  return {
    ...(opts.sendOperator && f.operatorId ? { operatorId: f.operatorId } : {}),
    ...platformSettingsBody(f),
    videoSystem: v.system,
    ...(v.system === 'none' ? {} : { video: videoSettingsBody(v) }),
  };
}

/**
 * An API field (as ApiError.fieldErrors names it, without `body.`) → the form's field.
 * `video.jitsiAppSecret` (on create) and `jitsiAppSecret` (PUT …/video) are the same field.
 */
export function formFieldOf(apiField: string): string | null {
  const f = apiField.replace(/^video\./, '');
  const day = /^openingHours\.([1-7])(\.|$)/.exec(f);
  if (day) return `hours.${day[1]}`;
  if (f.startsWith('openingHours')) return 'hours';
  if (f.startsWith('memberIds')) return 'members';
  const direct: Record<string, string> = {
    name: 'name',
    capacity: 'capacity',
    access: 'access',
    territoryId: 'territory',
    operatorId: 'operator',
    minNoticeDays: 'minNoticeDays',
    maxHorizonDays: 'maxHorizonDays',
    maxDurationMinutes: 'maxDuration',
    link: 'link',
    videoSystem: 'videoSystem',
    jitsiDomain: 'jitsiDomain',
    jitsiAppId: 'jitsiAppId',
    jitsiAppSecret: 'jitsiAppSecret',
    bbbApiUrl: 'bbbApiUrl',
    bbbSecret: 'bbbSecret',
    bbbChecksum: 'bbbChecksum',
  };
  return direct[f] ?? null;
}

/** The form's field a platform refusal belongs next to (by its stable code), or null for the page. */
export function fieldOfCode(code: string | undefined): string | null {
  switch (code) {
    case 'platform.capacity_below_bookings':
      return 'capacity';
    case 'platform.invalid_territory':
      return 'territory';
    case 'platform.invalid_members':
      return 'members';
    case 'platform.invalid_opening_hours':
      return 'hours';
    case 'platform.invalid_operator':
      return 'operator';
    default:
      return null;
  }
}

/** The order in which fields take the focus when the form has problems. */
export const FIELD_ORDER = [
  'operator',
  'name',
  'capacity',
  'access',
  'members',
  'territory',
  'minNoticeDays',
  'maxHorizonDays',
  'maxDuration',
  'hours',
  'link',
  'videoSystem',
  'jitsiDomain',
  'jitsiAppId',
  'jitsiAppSecret',
  'bbbApiUrl',
  'bbbSecret',
  'bbbChecksum',
];

/** The first field with a problem, in the form's order (opening hours: the first day, then window). */
export function firstErrorField(errors: Record<string, unknown>): string | null {
  const keys = Object.keys(errors);
  for (const f of FIELD_ORDER) {
    if (f === 'hours') {
      const h = keys.filter((k) => k === 'hours' || k.startsWith('hours.')).sort();
      if (h.length) return h[0];
      continue;
    }
    if (keys.includes(f)) return f;
  }
  return keys[0] ?? null;
}
