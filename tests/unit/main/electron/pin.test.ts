import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  hashPin,
  parsePinHash,
  pinProblem,
  verifyPin,
} from '../../../../src/main/electron/pin';

// Cheap parameters keep the suite fast; one test checks the real default.
const fast = { N: 2 ** 10, r: 8, p: 1 };

describe('pinProblem', () => {
  it('takes 4 to 12 digits and nothing else', () => {
    expect(pinProblem('2468')).toBeNull();
    expect(pinProblem('123456789012')).toBeNull();
    for (const bad of ['', '123', '1234567890123', '12a4', ' 1234', '１２３４', '12.4']) {
      expect(pinProblem(bad), bad).not.toBeNull();
    }
  });
});

describe('hashPin and verifyPin', () => {
  it('stores scrypt$N$r$p$salt$hash and accepts only the same PIN', async () => {
    const stored = await hashPin('2468', fast);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPin('2468', stored)).toBe(true);
    expect(await verifyPin('2469', stored)).toBe(false);
    expect(await verifyPin('24680', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('salts every hash, so two kiosks with the same PIN store different strings', async () => {
    const [a, b] = await Promise.all([hashPin('2468', fast), hashPin('2468', fast)]);
    expect(a).not.toBe(b);
    expect(await verifyPin('2468', a)).toBe(true);
    expect(await verifyPin('2468', b)).toBe(true);
  });

  it('uses a real cost by default', async () => {
    const stored = await hashPin('13579');
    expect(parsePinHash(stored)).toMatchObject(DEFAULT_SCRYPT);
    expect(await verifyPin('13579', stored)).toBe(true);
  });

  it('refuses to hash something that is not a PIN', async () => {
    await expect(hashPin('abc', fast)).rejects.toThrow(/4 to 12 digits/);
  });

  it('never accepts anything against a damaged or foreign hash', async () => {
    const stored = await hashPin('2468', fast);
    // The first character of the hash: the last one of base64url may be padding bits only.
    const at = stored.lastIndexOf('$') + 1;
    const other = stored[at] === 'A' ? 'B' : 'A';
    expect(await verifyPin('2468', `${stored.slice(0, at)}${other}${stored.slice(at + 1)}`)).toBe(
      false,
    );
    expect(await verifyPin('2468', stored.slice(0, -4))).toBe(false);
    expect(await verifyPin('2468', 'plain-text-2468')).toBe(false);
    expect(await verifyPin('2468', '$2b$10$abcdefghijklmnopqrstuv')).toBe(false);
  });
});

describe('parsePinHash', () => {
  const salt = 'A'.repeat(22);
  const hash = 'B'.repeat(43);
  it('reads the parameters', () => {
    expect(parsePinHash(`scrypt$32768$8$1$${salt}$${hash}`)).toMatchObject({
      N: 32768,
      r: 8,
      p: 1,
    });
  });
  it('bounds the cost, so an edited file cannot hang or exhaust the kiosk', () => {
    expect(parsePinHash(`scrypt$1000$8$1$${salt}$${hash}`)).toBeNull(); // not a power of two
    expect(parsePinHash(`scrypt$512$8$1$${salt}$${hash}`)).toBeNull(); // too cheap
    expect(parsePinHash(`scrypt$4194304$8$1$${salt}$${hash}`)).toBeNull(); // 4 GiB
    expect(parsePinHash(`scrypt$32768$64$1$${salt}$${hash}`)).toBeNull();
    expect(parsePinHash(`scrypt$32768$8$99$${salt}$${hash}`)).toBeNull();
  });
  it('rejects other shapes', () => {
    expect(parsePinHash(`bcrypt$32768$8$1$${salt}$${hash}`)).toBeNull();
    expect(parsePinHash(`scrypt$32768$8$1$${salt}`)).toBeNull();
    expect(parsePinHash(`scrypt$32768$8$1$sh$${hash}`)).toBeNull();
  });
});
