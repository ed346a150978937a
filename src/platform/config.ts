import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
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
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(600),
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

export type Config = z.infer<typeof schema> & { publicUrl: string; dataDir: string };

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
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
  };
}
