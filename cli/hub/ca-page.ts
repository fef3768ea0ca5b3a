import { t, type CliMessageCode, type Lang } from '../i18n/index.ts';
import { escapeHtml } from '../output/html.ts';

export interface CaPageFacts {
  /** The CA's name as phones list it ("Langso Tổ ấp Tân Lợi local CA"). */
  readonly caName: string;
  /** SHA-256 of the certificate, `AB:CD:…`, to compare with what the lead's laptop prints. */
  readonly fingerprint: string;
  /** Where the certificate file is downloaded from (a path on this server). */
  readonly certHref: string;
  /** The hub's HTTPS addresses, to open once the certificate is installed. */
  readonly hubUrls: readonly string[];
}

/** The facts as HTML, escaped once here: the only place data enters the page. */
interface EscapedFacts {
  readonly name: string;
  readonly href: string;
  readonly hubs: string;
  readonly fingerprint: string;
}

/**
 * One language's heading and instructions. The CA_PAGE_* catalog strings are HTML fragments, not
 * plain text, so they go in unescaped: by convention they hold text, the tags <b> and <code> and
 * entities such as &amp;, nothing else (test/cli/hub/ca-page.test.ts keeps them to that). The only
 * placeholder, {name}, is filled with the escaped CA name; every other value (fingerprint, hub
 * URLs, href) is escaped and placed by this template, never by a catalog string. "Android" and
 * "iPhone" are product names, the same in every language, so they stay here.
 */
function section(lang: Lang, facts: EscapedFacts): { readonly heading: string; readonly body: string } {
  const say = (code: CliMessageCode): string => t(lang, code, { name: facts.name });
  return {
    heading: say('CA_PAGE_HEADING'),
    body: `<p>${say('CA_PAGE_INTRO')}</p>
<p><a class="button" href="${facts.href}" download="langso-ca.crt">${say('CA_PAGE_DOWNLOAD')}</a></p>
<h2>Android</h2>
<ol>
<li>${say('CA_PAGE_ANDROID_DOWNLOAD')}</li>
<li>${say('CA_PAGE_ANDROID_SETTINGS')}
<span class="note">${say('CA_PAGE_ANDROID_SAMSUNG')}</span></li>
<li>${say('CA_PAGE_ANDROID_INSTALL')}</li>
<li>${say('CA_PAGE_ANDROID_REOPEN')}<br>${facts.hubs}</li>
</ol>
<h2>iPhone</h2>
<ol>
<li>${say('CA_PAGE_IPHONE_DOWNLOAD')}</li>
<li>${say('CA_PAGE_IPHONE_PROFILE')}</li>
<li>${say('CA_PAGE_IPHONE_TRUST')}</li>
</ol>
<p class="note">${say('CA_PAGE_CHECK')}<br><code>${facts.fingerprint}</code></p>
`,
  };
}

/**
 * The page a phone opens to trust the team's CA once: the certificate and how to install it,
 * in Vietnamese first, then English (marked `lang="en"`): one page serves every phone, whatever
 * language it is set to. Nothing else is served beside it (no app, no data).
 */
export function caPageHtml(facts: CaPageFacts): string {
  const escaped: EscapedFacts = {
    name: escapeHtml(facts.caName),
    href: escapeHtml(facts.certHref),
    hubs: facts.hubUrls.map((url) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`).join('<br>'),
    fingerprint: escapeHtml(facts.fingerprint),
  };
  const vi = section('vi', escaped);
  const en = section('en', escaped);
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('vi', 'CA_PAGE_TITLE')}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem;color:#1a1a1a}
h1{font-size:1.4rem;color:#0b5e40}h2{font-size:1.15rem;margin-top:1.5rem}
a.button{display:inline-block;background:#0b5e40;color:#fff;padding:.75rem 1.25rem;border-radius:.5rem;text-decoration:none;font-weight:600}
code{word-break:break-all;font-size:.85rem}li{margin:.35rem 0}.note{color:#555;font-size:.9rem}
hr{margin:2rem 0;border:0;border-top:1px solid #ccc}
</style>
</head>
<body>
<h1>${vi.heading}</h1>
${vi.body}<hr>
<h1 lang="en">${en.heading}</h1>
<div lang="en">
${en.body}</div>
</body>
</html>
`;
}
