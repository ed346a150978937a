/**
 * Child process of bench/booking.ts: autocannon POSTs random bookings to /api/v1/bookings, each
 * with the token of a random member body and a unique title, and records every answer (title,
 * status, booking id or problem code). Runs apart from the server so that the load generator
 * does not share its event loop. Input: the JSON of `LoadInput` in BOOKING_LOAD; output: the JSON
 * of `LoadOutput` on stdout.
 */
import { createRequire } from 'node:module';
import { randomBooking } from './conferencing.js';
import { rng } from './planner-instances.js';

export interface LoadInput {
  url: string;
  platformId: string;
  tokens: string[];
  days: string[];
  seconds: number;
  connections: number;
  seed: number;
  prefix: string;
}

export interface LoadOutput {
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  sent: number;
  /** [title, status, booking id (201) or problem code, ms from writing the request to the answer, ms since the start] */
  answers: [string, number, string, number, number][];
  /** Titles sent and never answered (in flight when the run stopped, or timed out). */
  unanswered: string[];
}

interface Ctx {
  title?: string;
  /** when the request was written (setupRequest runs just before) */
  t0?: number;
}

/** The part of autocannon's API used here (the package has no type declarations). */
interface CannonRequest {
  method: string;
  path: string;
  setupRequest(req: Record<string, unknown>, context: Ctx): Record<string, unknown>;
  onResponse(status: number, body: string, context: Ctx): void;
}
interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: {
  url: string;
  connections: number;
  duration: number;
  requests: CannonRequest[];
}) => Promise<CannonResult>;

async function main() {
  const input = JSON.parse(process.env.BOOKING_LOAD ?? '') as LoadInput;
  const random = rng(input.seed);
  const sent = new Set<string>();
  const answers: [string, number, string, number, number][] = [];
  const started = performance.now();
  let n = 0;
  // the requests, made before the run so that building them does not take the server's CPU
  const body = (i: number) => {
    const token = input.tokens[Math.floor(random() * input.tokens.length)];
    const b = randomBooking(random, input.days, `${input.prefix}-${i}`);
    return {
      title: b.title,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ platformId: input.platformId, organiserName: 'Benchmark', organiserEmail: 'bench@agilepa.example', ...b }),
    };
  };
  const prepared = Array.from({ length: input.seconds * 3000 }, (_, i) => body(i));
  const result = await autocannon({
    url: input.url,
    connections: input.connections,
    duration: input.seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/bookings',
        setupRequest: (req, context) => {
          const i = n++;
          const r = prepared[i] ?? body(i);
          context.title = r.title;
          context.t0 = performance.now();
          sent.add(r.title);
          return { ...req, headers: r.headers, body: r.body };
        },
        onResponse: (status, body, context) => {
          const title = context.title!;
          sent.delete(title);
          let detail = '';
          try {
            const j = JSON.parse(body) as { id?: string; code?: string };
            detail = status === 201 ? String(j.id) : String(j.code);
          } catch {
            detail = body.slice(0, 200);
          }
          const now = performance.now();
          answers.push([title, status, detail, now - (context.t0 ?? now), now - started]);
        },
      },
    ],
  });
  const out: LoadOutput = {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    sent: n,
    answers,
    unanswered: [...sent],
  };
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
