/**
 * Reading the outbox folder (DATA_DIR/outbox), where messages go when no SMTP_URL is set.
 * A message's id is its file name; names begin with the ISO time of writing, so sorting by name
 * descending lists the newest first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { header, parseEml, parseHeaders, type ParsedMessage } from './eml.js';

/** A safe outbox id: a plain file name ending in .eml, no directory parts. */
export const OUTBOX_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*\.eml$/;
export const OUTBOX_ID_MAX = 200;

export function isOutboxId(id: string): boolean {
  return id.length <= OUTBOX_ID_MAX && OUTBOX_ID_RE.test(id) && path.basename(id) === id;
}

export interface OutboxSummary {
  id: string;
  date: string | null;
  to: string;
  subject: string;
  size: number;
}

function listNames(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names.filter(isOutboxId).sort().reverse();
}

function readHead(file: string, max = 64 * 1024): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(max);
    const n = fs.readSync(fd, buf, 0, max, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** One page of the outbox, newest first; reads only the headers of the files on the page. */
export function listOutbox(dir: string, page: number, pageSize: number): { items: OutboxSummary[]; total: number } {
  const names = listNames(dir);
  const items: OutboxSummary[] = [];
  for (const id of names.slice((page - 1) * pageSize, page * pageSize)) {
    const file = path.join(dir, id);
    let raw: Buffer;
    let size: number;
    try {
      raw = readHead(file);
      size = fs.statSync(file).size;
    } catch {
      continue; // removed meanwhile
    }
    const end = raw.indexOf('\n\n') >= 0 ? raw.indexOf('\n\n') : raw.indexOf('\r\n\r\n');
    const headers = parseHeaders(raw.subarray(0, end >= 0 ? end : raw.length).toString('latin1'));
    items.push({
      id,
      date: isoDate(header({ headers }, 'date')),
      to: header({ headers }, 'to') ?? '',
      subject: header({ headers }, 'subject') ?? '',
      size,
    });
  }
  return { items, total: names.length };
}

export const OUTBOX_MAX_READ = 20 * 1024 * 1024;

/** The parsed message, or null when there is no such file. Throws on an unsafe id. */
export function readOutboxMessage(dir: string, id: string): (ParsedMessage & { id: string; size: number }) | null {
  if (!isOutboxId(id)) throw new Error('unsafe outbox id');
  const file = path.join(dir, id);
  if (path.dirname(path.resolve(file)) !== path.resolve(dir)) throw new Error('unsafe outbox id');
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  if (!stat.isFile() || stat.size > OUTBOX_MAX_READ) return null;
  return { id, size: stat.size, ...parseEml(fs.readFileSync(file)) };
}
