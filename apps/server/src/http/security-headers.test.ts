import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CSP, DEFAULT_PERMISSIONS_POLICY, securityHeaders } from './security-headers.ts';

function directives(header: string): Map<string, string> {
  return new Map(
    header.split(/[;,]\s*/).map((part) => {
      const [name = '', ...rest] = part.trim().split(/[=\s]+/);
      return [name, rest.join(' ')] as const;
    }),
  );
}

describe('security headers for voice messages', () => {
  it('let the site’s own pages use the microphone, and nothing else reach a device', () => {
    const policy = directives(DEFAULT_PERMISSIONS_POLICY);
    expect(policy.get('microphone')).toBe('(self)');
    for (const feature of ['camera', 'geolocation', 'payment', 'usb', 'interest-cohort']) expect(policy.get(feature), feature).toBe('()');
  });

  it('let an <audio> play a blob: URL of the page, and nothing from another origin', () => {
    const csp = directives(DEFAULT_CSP);
    expect(csp.get('media-src')).toBe("'self' blob:");
    expect(csp.get('default-src')).toBe("'none'");
    expect(DEFAULT_CSP).not.toMatch(/https?:|\*|unsafe-/);
  });

  it('are sent on every answer', async () => {
    const app = new Hono();
    app.use('*', securityHeaders());
    app.get('/', (c) => c.text('ok'));
    const response = await app.request('/');
    expect(response.headers.get('permissions-policy')).toBe(DEFAULT_PERMISSIONS_POLICY);
    expect(response.headers.get('content-security-policy')).toBe(DEFAULT_CSP);
  });
});
