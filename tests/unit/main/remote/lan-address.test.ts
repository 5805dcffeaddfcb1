import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isPrivateIPv4, lanAddresses } from '../../../../src/main/remote/lan-address';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/24`,
});
const v6 = (address: string): NetworkInterfaceInfo => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '00:00:00:00:00:00',
  internal: false,
  cidr: `${address}/64`,
  scopeid: 0,
});

describe('lanAddresses', () => {
  it('lists non-loopback IPv4 addresses, private ranges first, link-local last', () => {
    expect(
      lanAddresses({
        lo: [v4('127.0.0.1', true)],
        docker0: [v4('169.254.10.1')],
        eth0: [v4('203.0.113.7'), v6('fe80::1')],
        wlan0: [v4('192.168.1.23'), v6('2001:db8::5')],
        tun0: [v4('10.8.0.2')],
      }),
    ).toEqual(['192.168.1.23', '10.8.0.2', '203.0.113.7', '169.254.10.1']);
  });

  it('finds nothing on a machine with loopback only', () => {
    expect(lanAddresses({ lo: [v4('127.0.0.1', true)] })).toEqual([]);
  });

  it('knows the private ranges', () => {
    expect(['10.0.0.1', '172.16.0.1', '172.31.255.1', '192.168.0.1'].map(isPrivateIPv4)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['172.32.0.1', '11.0.0.1', '192.169.0.1'].map(isPrivateIPv4)).toEqual([
      false,
      false,
      false,
    ]);
  });
});
