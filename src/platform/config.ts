import path from 'node:path';
import { isIP } from 'node:net';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The address to listen on: this machine only by default (the demo's passwords are public); 0.0.0.0 or :: for every interface. */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL deve iniziare con postgresql://')
    .optional(),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Agile PA <noreply@agilepa.localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load the demo territory on an empty database (default: yes on PGlite, no on PostgreSQL). */
  DEMO: z.enum(['auto', 'yes', 'no']).default('auto'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  /** API requests a minute of one signed-in person or one API token. */
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(600),
  /** API requests a minute of one address without credentials (an office behind one address shares it). */
  RATE_LIMIT_ADDRESS_MAX: z.coerce.number().int().positive().default(1200),
  /** Refused credentials a minute from one address before its credentials are refused unread. */
  RATE_LIMIT_FAILED_AUTH_MAX: z.coerce.number().int().positive().default(60),
  /**
   * Which proxies' X-Forwarded-For entries count: 'off' (default: the connecting address is the
   * client), a hop count ('1': one proxy in front), or addresses and CIDRs ('10.0.0.0/8,127.0.0.1').
   */
  TRUST_PROXY: z
    .string()
    .default('off')
    .refine((v) => v === 'off' || /^\d{1,2}$/.test(v) || v.split(',').every((p) => isIP(p.trim().split('/')[0]) !== 0 && (!p.includes('/') || /^\d{1,3}$/.test(p.trim().split('/')[1] ?? ''))), {
      message: 'TRUST_PROXY: off, un numero di proxy (1) o indirizzi e CIDR separati da virgole',
    }),
  JOBS: z.enum(['on', 'off']).default('on'),
  /**
   * How long a process reuses a resolved session or API token (seconds; 0 = never). A sign-out,
   * revocation or role change made in another process takes effect after at most this long
   * (docs/decisions/0005-caches.md); in the same process at once.
   */
  AUTH_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  /** Key of the secrets kept encrypted in the database (32 bytes, base64); default: DATA_DIR/secret.key. */
  SECRETS_KEY: z.string().optional(),
  /** How long a process reuses a page of directory search results (seconds; 0 = never). */
  DIRECTORY_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(60),
  /**
   * How long a process reuses a conference platform's row to answer refusals of bookings quickly
   * (seconds; 0 = never). Acceptances always read it again (src/modules/conferencing/platform-cache.ts).
   */
  PLATFORM_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  NODE_ENV: z.string().default('development'),
});

export type Config = z.infer<typeof schema> & { publicUrl: string; dataDir: string; trustProxy: false | number | string[] };

/** TRUST_PROXY as Fastify takes it: false, a hop count, or the trusted addresses and CIDRs. */
function trustProxyOf(v: string): false | number | string[] {
  if (v === 'off') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((p) => p.trim());
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Configurazione non valida / invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    trustProxy: trustProxyOf(c.TRUST_PROXY),
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
  };
}
