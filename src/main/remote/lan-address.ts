import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** 10/8, 172.16/12, 192.168/16: where a venue's Wi-Fi or a phone hotspot puts this computer. */
export function isPrivateIPv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number);
  return (
    a === 10 || (a === 172 && b !== undefined && b >= 16 && b <= 31) || (a === 192 && b === 168)
  );
}

const isLinkLocal = (address: string) => address.startsWith('169.254.');

/**
 * This computer's IPv4 addresses that a phone on the same network can reach: not loopback,
 * private ranges first (the venue network), then other addresses, link-local last (a cable
 * with no DHCP server). IPv6 is left out: phones type or scan an IPv4 URL far more reliably.
 */
export function lanAddresses(interfaces: Interfaces = networkInterfaces()): string[] {
  const found: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.family !== 'IPv4' || info.internal) continue;
      if (!found.includes(info.address)) found.push(info.address);
    }
  }
  const rank = (address: string) => (isPrivateIPv4(address) ? 0 : isLinkLocal(address) ? 2 : 1);
  return found
    .map((address, index) => ({ address, index }))
    .sort((x, y) => rank(x.address) - rank(y.address) || x.index - y.index)
    .map(({ address }) => address);
}
