import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { certificateNames, lanIPv4s } from '../../../cli/hub/lan-addresses.ts';
import { ensureLocalCa } from '../../../cli/hub/local-ca.ts';
import { ensureServerCert, nameSet } from '../../../cli/hub/server-cert.ts';
import { x509 } from '../../../cli/hub/x509.ts';

const NOW = new Date('2026-11-27T02:00:00Z');
const DAY_MS = 86_400_000;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'langso-hub-ca-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the team local CA (ensureLocalCa)', () => {
  it('is made once: an ECDSA P-256 CA named after the team, its key owner-only', async () => {
    const ca = await ensureLocalCa(dir, 'Tổ ấp Tân Lợi', NOW);
    expect(ca.created).toBe(true);
    expect(ca.cert.subjectName.getField('CN')).toEqual(['Langso Tổ ấp Tân Lợi local CA']);
    expect(ca.cert.getExtension(x509.BasicConstraintsExtension)).toMatchObject({ ca: true, pathLength: 0, critical: true });
    const usage = ca.cert.getExtension(x509.KeyUsagesExtension)?.usages ?? 0;
    expect(usage & x509.KeyUsageFlags.keyCertSign).not.toBe(0);
    expect(ca.cert.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(await ca.cert.isSelfSigned()).toBe(true);
    expect(statSync(join(dir, 'hub-ca', 'ca-key.pem')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'hub-ca')).mode & 0o777).toBe(0o700);

    const again = await ensureLocalCa(dir, 'Tổ ấp Tân Lợi', new Date(NOW.getTime() + 30 * DAY_MS));
    expect(again.created).toBe(false);
    expect(again.cert.serialNumber).toBe(ca.cert.serialNumber);
  });
});

describe('the hub server certificate (ensureServerCert)', () => {
  const names = { ips: ['127.0.0.1', '192.168.1.23'], dns: ['laptop-to-truong', 'laptop-to-truong.local', 'localhost'] };

  it('chains to the CA, names every address and name, is for serverAuth, and lasts at most 397 days', async () => {
    const ca = await ensureLocalCa(dir, 'Tổ ấp Tân Lợi', NOW);
    const server = await ensureServerCert(dir, ca, names, NOW);
    expect(server.renewed).toBe(true);
    const cert = new x509.X509Certificate(server.cert);
    expect(await cert.verify({ publicKey: ca.cert.publicKey, date: NOW })).toBe(true);
    expect(cert.issuer).toBe(ca.cert.subject);
    const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
    expect(nameSet(san?.names.toJSON() ?? [])).toBe(
      'dns:laptop-to-truong,dns:laptop-to-truong.local,dns:localhost,ip:127.0.0.1,ip:192.168.1.23',
    );
    expect(cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([x509.ExtendedKeyUsage.serverAuth]);
    expect(cert.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(false);
    expect(cert.notAfter.getTime() - cert.notBefore.getTime()).toBeLessThanOrEqual(397 * DAY_MS);
    expect(statSync(join(dir, 'hub-ca', 'server-key.pem')).mode & 0o777).toBe(0o600);
  });

  it('is kept while the addresses stay, and issued again when the Wi-Fi gives another address', async () => {
    const ca = await ensureLocalCa(dir, 'Tổ ấp Tân Lợi', NOW);
    const first = await ensureServerCert(dir, ca, names, NOW);
    const same = await ensureServerCert(dir, ca, names, new Date(NOW.getTime() + DAY_MS));
    expect(same).toEqual({ ...first, renewed: false });

    const moved = await ensureServerCert(dir, ca, { ...names, ips: ['127.0.0.1', '10.0.0.5'] }, new Date(NOW.getTime() + DAY_MS));
    expect(moved.renewed).toBe(true);
    const san = new x509.X509Certificate(moved.cert).getExtension(x509.SubjectAlternativeNameExtension);
    expect(nameSet(san?.names.toJSON() ?? [])).toContain('ip:10.0.0.5');
  });

  it('is issued again before it expires', async () => {
    const ca = await ensureLocalCa(dir, 'Tổ ấp Tân Lợi', NOW);
    await ensureServerCert(dir, ca, names, NOW);
    const late = await ensureServerCert(dir, ca, names, new Date(NOW.getTime() + 380 * DAY_MS));
    expect(late.renewed).toBe(true);
  });
});

describe('the addresses the hub is reached at', () => {
  it('lists LAN IPv4 addresses only (no loopback, no link-local, no IPv6), sorted', () => {
    const found = lanIPv4s({
      lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
      wlan0: [
        { address: '192.168.1.23', netmask: '255.255.255.0', family: 'IPv4', mac: 'aa:bb:cc:dd:ee:ff', internal: false, cidr: '192.168.1.23/24' },
        { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: 'aa:bb:cc:dd:ee:ff', internal: false, cidr: 'fe80::1/64', scopeid: 3 },
      ],
      eth0: [
        { address: '10.0.0.5', netmask: '255.0.0.0', family: 'IPv4', mac: 'aa:bb:cc:dd:ee:00', internal: false, cidr: '10.0.0.5/8' },
        { address: '169.254.3.4', netmask: '255.255.0.0', family: 'IPv4', mac: 'aa:bb:cc:dd:ee:00', internal: false, cidr: '169.254.3.4/16' },
      ],
    });
    expect(found).toEqual(['10.0.0.5', '192.168.1.23']);
  });

  it('names every LAN address for a wildcard bind, and the machine by its name and .local', () => {
    expect(certificateNames('0.0.0.0', ['192.168.1.23'], 'Laptop-To-Truong')).toEqual({
      ips: ['127.0.0.1', '192.168.1.23'],
      dns: ['laptop-to-truong', 'laptop-to-truong.local', 'localhost'],
    });
    expect(certificateNames('127.0.0.1', ['192.168.1.23'], 'vm').ips).toEqual(['127.0.0.1']);
  });
});
