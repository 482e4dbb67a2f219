import { describe, expect, it } from 'vitest';
import { checkSetupForm, readSetupToken } from './setup-values.ts';

const good = { organisationName: ' Réseau Kenekanko ', login: 'Awa.Coulibaly', password: 'une phrase assez longue', passwordAgain: 'une phrase assez longue' };

describe('readSetupToken', () => {
  it('reads the token from the fragment', () => {
    expect(readSetupToken('#token=abcDEF_123-xyz')).toBe('abcDEF_123-xyz');
    expect(readSetupToken('token=abc')).toBe('abc');
  });

  it('has no token when the fragment lacks one', () => {
    expect(readSetupToken('')).toBeNull();
    expect(readSetupToken('#token=')).toBeNull();
    expect(readSetupToken('#other=1')).toBeNull();
  });
});

describe('checkSetupForm', () => {
  it('normalises the login and keeps the password exactly as typed', () => {
    expect(checkSetupForm(good, 'T'.repeat(30))).toEqual({
      ok: true,
      input: { token: 'T'.repeat(30), organisationName: 'Réseau Kenekanko', login: 'awa.coulibaly', password: 'une phrase assez longue' },
    });
  });

  it('asks for at least 12 characters, then the same password twice', () => {
    const short = checkSetupForm({ ...good, password: 'court', passwordAgain: 'court' }, 't');
    expect(short).toEqual({ ok: false, errors: { password: { key: 'desk.invalid.passwordShort', params: { count: 12 } } } });
    const differ = checkSetupForm({ ...good, passwordAgain: 'une phrase assez longuE' }, 't');
    expect(differ).toEqual({ ok: false, errors: { passwordAgain: { key: 'desk.invalid.passwordMismatch' } } });
    expect(checkSetupForm({ ...good, password: 'x'.repeat(12), passwordAgain: 'x'.repeat(12) }, 't').ok).toBe(true);
  });

  it('refuses a login the server would refuse, and an empty organisation name', () => {
    const result = checkSetupForm({ ...good, organisationName: '  ', login: 'awa coulibaly' }, 't');
    expect(result.ok === false && Object.keys(result.errors)).toEqual(['organisationName', 'login']);
  });
});
