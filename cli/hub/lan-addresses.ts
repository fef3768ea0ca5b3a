import { hostname, networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { isIPv4 } from 'node:net';
import type { HubNames } from './server-cert.ts';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** The laptop's IPv4 addresses on its networks (Wi-Fi, Ethernet), loopback left out, sorted. */
export function lanIPv4s(interfaces: Interfaces = networkInterfaces()): string[] {
  const found = new Set<string>();
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      // Link-local (169.254/16) means no DHCP answered: not an address a phone can reach.
      if (info.family === 'IPv4' && !info.internal && !info.address.startsWith('169.254.')) found.add(info.address);
    }
  }
  return [...found].sort(compareIPv4);
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

/** The hosts phones use, in the printed URLs: each LAN address for a wildcard bind, else the host itself. */
export function reachableHosts(host: string, lan: readonly string[]): string[] {
  if (!isWildcardHost(host)) return [host];
  return lan.length > 0 ? [...lan] : ['127.0.0.1'];
}

/**
 * What the server certificate names: every address the hub answers on (its LAN addresses and
 * loopback, or the one address it is bound to) and the laptop's names, `.local` too (mDNS).
 */
export function certificateNames(host: string, lan: readonly string[], machine: string = hostname()): HubNames {
  const ips = new Set<string>(['127.0.0.1']);
  const dns = new Set<string>();
  if (isWildcardHost(host)) for (const ip of lan) ips.add(ip);
  else if (isIPv4(host)) ips.add(host);
  else if (!isLoopbackHost(host)) dns.add(host.toLowerCase());
  const name = machine.trim().toLowerCase();
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(name)) {
    dns.add(name);
    if (!name.includes('.')) dns.add(`${name}.local`);
  }
  dns.add('localhost');
  return { ips: [...ips].sort(compareIPv4), dns: [...dns] };
}

function compareIPv4(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
