import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@kenekanko/contracts';
import { apiErrorMessages } from '../src/i18n/api-errors.ts';
import { foldApiErrors } from './fold-api-errors.ts';

describe("folding the server's error texts into one language's catalogue", () => {
  it('replaces the call by the object it returns, in that language only', async () => {
    const folded = await foldApiErrors("const messages = { a: 'b', ...apiErrorMessages('fr') };");
    const object = /\.\.\.\((\{.*\})\)/.exec(folded)?.[1] ?? '';
    expect(JSON.parse(object)).toEqual(apiErrorMessages('fr'));
    expect(folded).toContain(ERROR_CODES['receipt-not-found'].fr);
    expect(folded).not.toContain(ERROR_CODES['receipt-not-found'].en);
    expect(folded).not.toContain('apiErrorMessages(');
  });

  it("gives the reporter's page only the codes its routes can answer, and the desk every code", async () => {
    const call = "const messages = { ...apiErrorMessages('fr') };";
    const reporter = await foldApiErrors(call, true);
    expect(reporter).toContain(ERROR_CODES['receipt-not-found'].fr);
    expect(reporter).toContain(ERROR_CODES['pow-required'].fr);
    expect(reporter).not.toContain(ERROR_CODES['second-factor-required'].fr);
    expect(reporter).not.toContain(ERROR_CODES['invitation-own'].fr);
    const desk = await foldApiErrors(call);
    expect(desk).toContain(ERROR_CODES['second-factor-required'].fr);
  });

  it('leaves a file without the call as it is', async () => {
    const code = "export const x = 'apiErrorMessages';";
    expect(await foldApiErrors(code)).toBe(code);
  });
});
