// The publisher's settings for the accessibility statement, read from the build environment.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIGG_COMPLAINT_URL, publish, publisherSettings } from '../../src/i18n/publish.ts';

describe('publisherSettings', () => {
  it('takes ORGANISATION_NAME and CONTACT_EMAIL, trimmed', () => {
    expect(publisherSettings({ ORGANISATION_NAME: ' Exempels kommun ', CONTACT_EMAIL: ' tillganglighet@exempel.se ' })).toEqual({
      organisation: 'Exempels kommun',
      email: 'tillganglighet@exempel.se',
    });
  });
  it('leaves both unset when they are missing or empty', () => {
    expect(publisherSettings({})).toEqual({ organisation: null, email: null });
    expect(publisherSettings({ ORGANISATION_NAME: '  ', CONTACT_EMAIL: '' })).toEqual({ organisation: null, email: null });
  });
  it.each(['inte en adress', 'a@b', '@exempel.se', 'a b@exempel.se', 'x@exempel.se?subject=hej"><script>', 'javascript:alert(1)//@x.se'])(
    'refuses %s as a contact address (the page then says how to set one)',
    (email) => {
      expect(publisherSettings({ CONTACT_EMAIL: email }).email).toBeNull();
    },
  );
});

describe('the statement', () => {
  it('names the body, the law, partial compliance and Digg\'s complaint route', () => {
    expect(publish.intro('Exempels kommun')).toMatch(/^Exempels kommun står bakom webbplatsen Socialstatistik\./);
    expect(publish.intro(null)).toMatch(/^Kommunen som publicerar webbplatsen står bakom/);
    expect(publish.status).toContain('delvis förenlig med lagen (2018:1937) om tillgänglighet till digital offentlig service');
    expect(publish.supervise).toContain('Myndigheten för digital förvaltning (Digg)');
    expect(DIGG_COMPLAINT_URL).toBe('https://www.digg.se/tdosanmalan');
    expect(publish.method('2026-11-23')).toContain('23 november 2026');
    for (const s of publish.shortcomings) for (const c of s.criteria) expect(c).toMatch(/^[1-4]\.\d+\.\d+$/);
  });
});

describe('README "Publicera"', () => {
  it('gives the exact Content-Security-Policy the browser tests run every page under, in each server example', async () => {
    const { STRICT_CSP } = await import('../browser/browser.ts');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const policies = [...readme.matchAll(/default-src[^"\n]*/g)].map((m) => m[0].replace(/\s+$/, ''));
    // The header line, the IIS web.config and the nginx example.
    expect(policies).toHaveLength(3);
    for (const p of policies) expect(p).toBe(STRICT_CSP);
  });
});
