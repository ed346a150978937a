/**
 * The boundary rule (eslint/boundaries.js) through ESLint itself, with the project's config: each
 * planted violation fails the lint with the rule's message, and each allowed door passes.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'agilepa/boundaries').map((m) => m.message);
}

describe('the boundary rule', () => {
  it('refuses a slice reaching inside another slice, and lets it in through the index', async () => {
    const file = 'src/modules/remote-work/pola/planted.ts';
    expect(await boundaryErrors(file, `import { addDays } from '../agreements/agreement-rules.js';\nexport const x = addDays;\n`)).toEqual([
      expect.stringMatching(/una fetta si usa solo dal suo index\.ts \(src\/modules\/remote-work\/agreements\/index\.ts\)/),
    ]);
    expect(await boundaryErrors(file, `export { romeToday } from '../agreements/agreement-rules.js';\n`)).toHaveLength(1);
    expect(await boundaryErrors(file, `import { addDays } from '../agreements/index.js';\nexport const x = addDays;\n`)).toEqual([]);
    expect(await boundaryErrors(file, `import { agreementErrors } from '../remote-work.errors.js';\nexport const x = agreementErrors;\n`)).toEqual([]);
  });

  it('refuses a module reaching inside another module, at any depth and with a dynamic import', async () => {
    expect(await boundaryErrors('src/modules/conferencing/planted.ts', `import { memberEmails } from '../people/people.repo.js';\nexport const x = memberEmails;\n`)).toHaveLength(1);
    expect(await boundaryErrors('src/modules/remote-work/plans/planted.ts', `export const x = () => import('../../people/members.js');\n`)).toHaveLength(1);
    expect(await boundaryErrors('src/modules/remote-work/plans/planted.ts', `import { loadMember } from '../../people/index.js';\nexport const x = loadMember;\n`)).toEqual([]);
  });

  it('refuses platform code importing a module or the app', async () => {
    expect(await boundaryErrors('src/platform/planted.ts', `import { createUser } from '../modules/people/index.js';\nexport const x = createUser;\n`)).toEqual([
      expect.stringMatching(/platform\/ non importa moduli, app né web/),
    ]);
    expect(await boundaryErrors('src/platform/db/planted.test.ts', `import { prepareDatabase } from '../../app/prepare.js';\nexport const x = prepareDatabase;\n`)).toHaveLength(1);
  });

  it('lets the web import server types, rules, schemas and the calendar only', async () => {
    const file = 'src/web/modules/conferencing/Planted.tsx';
    expect(await boundaryErrors(file, `import { selectPlatform } from '../../../modules/conferencing/platforms.repo.js';\nexport const x = selectPlatform;\n`)).toEqual([
      expect.stringMatching(/il web importa dal server solo tipi/),
    ]);
    expect(await boundaryErrors(file, `import type { PlatformRow } from '../../../modules/conferencing/platforms.repo.js';\nexport type X = PlatformRow;\n`)).toEqual([]);
    expect(await boundaryErrors(file, `import { platformBody } from '../../../modules/conferencing/conferencing.schemas.js';\nexport const x = platformBody;\n`)).toEqual([]);
    expect(await boundaryErrors(file, `import { isItalianHoliday } from '../../../platform/calendar/working-days.js';\nexport const x = isItalianHoliday;\n`)).toEqual([]);
  });

  it('lets tests reach inside the slices they test', async () => {
    expect(await boundaryErrors('src/modules/remote-work/pola/planted.test.ts', `import { addDays } from '../agreements/agreement-rules.js';\nexport const x = addDays;\n`)).toEqual([]);
  });
});

describe('the one clock', () => {
  it('refuses Date.now() and new Date() in server code, and lets tests and the web use them', async () => {
    const errorsOf = async (filePath: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath });
      return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
    };
    expect(await errorsOf('src/modules/remote-work/plans/planted.ts', 'export const t = Date.now();\n')).toEqual([expect.stringMatching(/clock\.now\(\)/)]);
    expect(await errorsOf('src/platform/planted.ts', 'export const d = new Date();\n')).toEqual([expect.stringMatching(/clock\.date\(\)/)]);
    expect(await errorsOf('src/platform/planted.ts', "export const d = new Date('2027-01-01');\n")).toEqual([]);
    expect(await errorsOf('src/modules/remote-work/plans/planted.test.ts', 'export const t = Date.now();\n')).toEqual([]);
    expect(await errorsOf('src/web/modules/planted.ts', 'export const t = Date.now();\n')).toEqual([]);
  });
});
