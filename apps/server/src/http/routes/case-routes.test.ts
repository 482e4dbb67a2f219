import { describe, expect, it } from 'vitest';
import { CASES_ROUTE_PATTERNS, CASES_ROUTES } from '@kenekanko/contracts';
import { loadConfig } from '../../config/config.ts';
import { fillPattern } from '../route-patterns.ts';

describe('case-work routes', () => {
  it('patterns and builders name the same paths', () => {
    const alertId = 'A'.repeat(22);
    for (const name of ['caseWork', 'assignee', 'priority', 'labels', 'checklist'] as const) {
      expect(fillPattern(CASES_ROUTE_PATTERNS[name], { alertId })).toBe(CASES_ROUTES[name](alertId));
    }
    expect(fillPattern(CASES_ROUTE_PATTERNS.settings, { orgId: alertId })).toBe(CASES_ROUTES.settings(alertId));
  });
});

describe('mail configuration', () => {
  it('is off unless both SMTP_URL and MAIL_FROM are set, and never echoes the URL', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtps://u:secret@mail.example.org', MAIL_FROM: 'desk@example.org' }).mail).toEqual({ smtpUrl: 'smtps://u:secret@mail.example.org', from: 'desk@example.org' });
    expect(() => loadConfig({ SMTP_URL: 'smtps://u:secret@mail.example.org' })).toThrow(/SMTP_URL: set together with MAIL_FROM/);
    try {
      loadConfig({ SMTP_URL: 'http://u:secret@mail', MAIL_FROM: 'desk@example.org' });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/SMTP_URL/);
      expect(String(error)).not.toMatch(/secret/);
    }
  });
});
