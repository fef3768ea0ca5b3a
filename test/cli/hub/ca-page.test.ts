import { describe, expect, it } from 'vitest';
import { caPageHtml, type CaPageFacts } from '../../../cli/hub/ca-page.ts';
import { cliEn } from '../../../cli/i18n/en.ts';
import { t } from '../../../cli/i18n/index.ts';
import { cliVi } from '../../../cli/i18n/vi.ts';

const facts: CaPageFacts = {
  caName: 'Langso Tổ ấp Tân Lợi local CA',
  fingerprint: 'AB:CD:EF:01',
  certHref: '/ca/langso-ca.crt',
  hubUrls: ['https://192.168.1.20:8443/', 'https://10.0.0.5:8443/'],
};

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('the CA install page (caPageHtml)', () => {
  it('says everything in Vietnamese first, then in English marked lang="en"', () => {
    const page = caPageHtml(facts);
    expect(page).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(page).toContain(`<title>${t('vi', 'CA_PAGE_TITLE')}</title>`);
    const english = page.indexOf('<h1 lang="en">');
    expect(english).toBeGreaterThan(0);
    const [vi, en] = [page.slice(0, english), page.slice(english)];
    expect(vi).toContain(`<h1>${t('vi', 'CA_PAGE_HEADING')}</h1>`);
    expect(en).toContain(`<h1 lang="en">${t('en', 'CA_PAGE_HEADING')}</h1>\n<div lang="en">`);
    for (const [part, lang] of [[vi, 'vi'], [en, 'en']] as const) {
      expect(part).toContain(`>${t(lang, 'CA_PAGE_DOWNLOAD')}</a>`);
      expect(part).toContain(t(lang, 'CA_PAGE_IPHONE_PROFILE'));
      expect(part).toContain(`${t(lang, 'CA_PAGE_CHECK')}<br><code>AB:CD:EF:01</code>`);
      expect(part).toContain(`<b>${facts.caName}</b>`);
      for (const url of facts.hubUrls) expect(part).toContain(`<a href="${url}">${url}</a>`);
    }
    expect(en.trimEnd()).toMatch(/<\/div>\n<\/body>\n<\/html>$/);
  });

  it('escapes every value it fills in: a CA name, fingerprint, URL or href cannot add markup', () => {
    const page = caPageHtml({
      caName: '<script>alert("x")</script> & {name}',
      fingerprint: '<img src=x>',
      certHref: '" onclick="x',
      hubUrls: ['https://hub/?a=1&b=<i>'],
    });
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<i>');
    expect(page).not.toContain('" onclick');
    // The name shows in the intro and in the iPhone trust step, in both languages.
    expect(count(page, '<b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {name}</b>')).toBe(4);
    expect(count(page, '<code>&lt;img src=x&gt;</code>')).toBe(2);
    expect(count(page, 'href="&quot; onclick=&quot;x"')).toBe(2);
    expect(count(page, '<a href="https://hub/?a=1&amp;b=&lt;i&gt;">https://hub/?a=1&amp;b=&lt;i&gt;</a>')).toBe(2);
  });

  it('keeps its catalog strings to text, <b>, <code> and entities, in both languages', () => {
    const entries = [...Object.entries(cliVi), ...Object.entries(cliEn)].filter(([code]) => code.startsWith('CA_PAGE_'));
    expect(entries.length).toBeGreaterThan(0);
    for (const [code, html] of entries) {
      const tags = [...html.matchAll(/<\/?([a-z]+)[^>]*>/g)].map((m) => m[0]);
      for (const tag of tags) expect(['<b>', '</b>', '<code>', '</code>'], code).toContain(tag);
      const text = html.replace(/<\/?(b|code)>/g, '');
      expect(text, code).not.toMatch(/[<>]/);
      expect(text, code).not.toMatch(/&(?![a-z]+;|#\d+;)/);
    }
  });
});
