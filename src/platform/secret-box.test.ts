import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { initSecretBox, openSecret, sealSecret } from './secret-box.js';

describe('secret box', () => {
  it('seals with a fresh IV each time and opens what it sealed', () => {
    initSecretBox({ SECRETS_KEY: crypto.randomBytes(32).toString('base64'), dataDir: os.tmpdir() });
    const a = sealSecret('segreto-condiviso-di-prova');
    const b = sealSecret('segreto-condiviso-di-prova');
    expect(a).toMatch(/^v1:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('segreto');
    expect(openSecret(a)).toBe('segreto-condiviso-di-prova');
    expect(openSecret('scritto-in-chiaro-prima')).toBe('scritto-in-chiaro-prima');
  });

  it('refuses a value altered or sealed with another key', () => {
    initSecretBox({ SECRETS_KEY: crypto.randomBytes(32).toString('base64'), dataDir: os.tmpdir() });
    const sealed = sealSecret('àèìòù segreto');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => openSecret('v1:' + raw.toString('base64'))).toThrow(/non leggibile/);
    initSecretBox({ SECRETS_KEY: crypto.randomBytes(32).toString('base64'), dataDir: os.tmpdir() });
    expect(() => openSecret(sealed)).toThrow(/non leggibile/);
  });

  it('creates secret.key in the data folder once, private, and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agilepa-key-'));
    initSecretBox({ dataDir: dir });
    const sealed = sealSecret('x'.repeat(40));
    const file = path.join(dir, 'secret.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const before = fs.readFileSync(file, 'utf8');
    initSecretBox({ dataDir: dir });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(openSecret(sealed)).toBe('x'.repeat(40));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a SECRETS_KEY that is not 32 bytes', () => {
    expect(() => initSecretBox({ SECRETS_KEY: Buffer.alloc(16).toString('base64'), dataDir: os.tmpdir() })).toThrow(/32 byte/);
  });
});
