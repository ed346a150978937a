import { describe, expect, it } from 'vitest';
import { EMAIL_MAX, isValidEmail } from './email-rules.js';

describe('isValidEmail', () => {
  it('accepts the addresses people have, refuses what breaks a header or a cell', () => {
    for (const ok of ['mario.rossi@comune.agliè.to.it', 'm+r@pec.comune.it', 'UFFICIO@Regione.Piemonte.IT']) expect(isValidEmail(ok), ok).toBe(true);
    for (const bad of ['', 'mario', 'mario@', '@comune.it', 'mario@comune', 'mario@comune.i', 'ma rio@comune.it', 'a@b@c.it', 'a"b@c.it', 'a<b@c.it', 'a;b@c.it', 'a,b@c.it'])
      expect(isValidEmail(bad), bad).toBe(false);
    expect(isValidEmail(`${'a'.repeat(EMAIL_MAX - 8)}@ente.it`)).toBe(true);
    expect(isValidEmail(`${'a'.repeat(EMAIL_MAX - 7)}@ente.it`)).toBe(false);
  });
});
