import { describe, expect, it } from 'vitest';
import { textProblem, textProblems } from './text-rules.js';

describe('what people may type', () => {
  it('keeps letters, tabs and line breaks where a text may have them', () => {
    expect(textProblem('Agliè – “sala consiliare”, 2° piano', true)).toBeNull();
    expect(textProblem('prima riga\nseconda riga\r\n\tcon tab', false)).toBeNull();
    expect(textProblem('مرحبا بالعالم', true)).toBeNull(); // right-to-left letters are letters
  });

  it('refuses control characters and bidi overrides everywhere, line breaks in one-line fields', () => {
    for (const bad of ['a\u0000b', 'a\u0007b', 'a\u001bb', 'a\u007fb', 'fattura\u202efdp.exe', 'a\u2066b\u2069'])
      expect(textProblem(bad, false), JSON.stringify(bad)).not.toBeNull();
    for (const bad of ['a\nb', 'a\rb', 'a\u2028b']) expect(textProblem(bad, true), JSON.stringify(bad)).toBe('deve stare su una riga');
  });

  it('names each refused field of a request by its path', () => {
    const body = { title: 'Riunione\nBcc: tutti@ente.it', description: 'ok\nok', attendees: [{ name: 'x\u0000' }, { name: 'ok' }] };
    expect(textProblems(body, 'body')).toEqual([
      { field: 'body.title', message: 'deve stare su una riga' },
      { field: 'body.attendees.0.name', message: 'contiene caratteri di controllo' },
    ]);
  });
});
