import { t, type Lang } from '../i18n/index.ts';
import type { RunningHub } from './start-hub.ts';

export interface BannerFacts {
  readonly lang: Lang;
  readonly hub: RunningHub;
  readonly training: boolean;
  /** Bound beyond loopback without HTTPS (`--no-https` on the LAN). */
  readonly plainOnLan: string | undefined;
  /** A wildcard bind found no LAN address. */
  readonly noLan: boolean;
}

/**
 * What the lead reads once the hub runs: where phones go, the certificate to install first
 * (with a QR code a phone's camera opens), the one-time codes, and how to stop. The first line
 * is the hub's URL alone, as `langso sandbox` prints its own, for scripts.
 */
export async function hubBanner(facts: BannerFacts): Promise<string> {
  const { lang, hub } = facts;
  const lines: string[] = [hub.urls[0] ?? '', '', t(lang, 'HUB_READY', { team: hub.teamName })];
  for (const url of hub.urls) lines.push(`  ${url}`);
  if (facts.noLan) lines.push(t(lang, 'HUB_NO_LAN'));
  if (facts.plainOnLan !== undefined) lines.push(t(lang, 'HUB_PLAIN_LAN', { host: facts.plainOnLan }));
  const cert = hub.certificate;
  if (cert) {
    lines.push('');
    if (cert.caCreated) lines.push(t(lang, 'HUB_CA_NEW', { name: cert.caName }));
    lines.push(t(lang, 'HUB_CA_INTRO'));
    for (const url of cert.pageUrls) lines.push(`  ${url}`);
    const first = cert.pageUrls[0];
    const { default: QRCode } = await import('qrcode');
    if (first !== undefined) lines.push((await QRCode.toString(first, { type: 'terminal', small: true })).trimEnd());
    lines.push(t(lang, 'HUB_CA_FINGERPRINT', { fingerprint: cert.fingerprint }));
  }
  if (facts.training) lines.push('', t(lang, 'HUB_TRAINING'));
  lines.push('');
  if (hub.codes.length === 0) lines.push(t(lang, 'HUB_CODES_NONE'));
  else {
    lines.push(t(lang, 'HUB_CODES'));
    for (const code of hub.codes) lines.push(`  ${code}`);
    lines.push(t(lang, 'HUB_CODES_MORE'));
  }
  lines.push('', t(lang, 'HUB_STOP_HINT'));
  return `${lines.join('\n')}\n`;
}

/** `--json`: one document on one line, for scripts and tests. */
export function hubReadyJson(hub: RunningHub, training: boolean): string {
  return `${JSON.stringify({
    url: hub.urls[0] ?? null,
    urls: hub.urls,
    team: hub.teamName,
    teamId: hub.teamId,
    codes: hub.codes,
    https: hub.certificate !== undefined,
    training,
    certificate: hub.certificate
      ? {
          caName: hub.certificate.caName,
          fingerprint: hub.certificate.fingerprint,
          pageUrls: hub.certificate.pageUrls,
          names: hub.certificate.names,
        }
      : null,
  })}\n`;
}
