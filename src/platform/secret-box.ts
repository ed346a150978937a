/**
 * Encryption at rest of the few secrets the platform must keep and use (e.g. the shared secrets
 * of a video system, to sign meeting links): AES-256-GCM with the instance's key.
 *
 * The key is SECRETS_KEY (32 bytes, base64) when set — required when several hosts share one
 * PostgreSQL — otherwise `secret.key` in DATA_DIR, created on first use with mode 0600. A backup
 * restored elsewhere needs the same key to use the stored secrets (README, Configurazione).
 * A stored value reads "v1:" + base64(iv ‖ tag ‖ ciphertext); anything else is taken as
 * plain text written before encryption existed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PREFIX = 'v1:';
let key: Buffer | null = null;

export interface SecretBoxConfig {
  SECRETS_KEY?: string;
  dataDir: string;
}

/** The key of this instance (idempotent; called by buildApp). */
export function initSecretBox(config: SecretBoxConfig): void {
  if (config.SECRETS_KEY) {
    const k = Buffer.from(config.SECRETS_KEY, 'base64');
    if (k.length !== 32) throw new Error('SECRETS_KEY deve essere di 32 byte in base64 (es. `openssl rand -base64 32`)');
    key = k;
    return;
  }
  const file = path.join(config.dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (err) {
      // another process created it first: use theirs
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const k = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (k.length !== 32) throw new Error(`${file} non contiene una chiave di 32 byte in base64`);
  key = k;
}

function currentKey(): Buffer {
  if (!key) throw new Error('Chiave dei segreti non inizializzata: initSecretBox(config) all’avvio');
  return key;
}

export function sealSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', currentKey(), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

/** The plain secret; throws when the value was sealed with another key or altered. */
export function openSecret(stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', currentKey(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('Segreto non leggibile: cifrato con un’altra chiave (SECRETS_KEY / secret.key) o alterato');
  }
}
