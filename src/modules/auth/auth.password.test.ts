import { describe, expect, it } from 'vitest';
import {
  argon2Options,
  checkPasswordRules,
  hashPassword,
  isCommonPassword,
  verifyPassword,
} from './auth.password.server.ts';

describe('password rules', () => {
  it('accepts 8 characters or more that are not common', () => {
    expect(checkPasswordRules('Hoa sen nở')).toBeNull();
    expect(checkPasswordRules('xK9#qv2L')).toBeNull();
  });

  it('refuses 7 characters, counting characters not bytes or code units of NFD', () => {
    expect(checkPasswordRules('xK9#qv2')).toBe('tooShort');
    // "Mật khẩ" is 7 characters in NFC but 10 code points in NFD: still too short.
    expect(checkPasswordRules('Mật khẩ'.normalize('NFD'))).toBe('tooShort');
  });

  it('refuses passwords from the common lists, in any case and with or without Vietnamese marks', () => {
    for (const p of [
      'password',
      'PASSWORD1',
      'qwertyuiop',
      '12345678',
      'matkhau123',
      'Mật khẩu 123',
      'iloveyou',
    ]) {
      expect(isCommonPassword(p), p).toBe(true);
      expect(checkPasswordRules(p.length >= 8 ? p : `${p}${p}`), p).not.toBeNull();
    }
  });

  it('refuses more than 128 characters', () => {
    expect(checkPasswordRules('a1'.repeat(65))).toBe('tooLong');
  });
});

describe('password hashing', () => {
  it('hashes with argon2id and verifies NFC and NFD spellings alike', async () => {
    const hash = await hashPassword('Phố biển Nha Trang');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword({ hash, password: 'Phố biển Nha Trang'.normalize('NFD') })).toBe(true);
    expect(await verifyPassword({ hash, password: 'Pho bien Nha Trang' })).toBe(false);
  });

  it('refuses a hash that is not argon2 (e.g. a better-auth scrypt default) instead of throwing', async () => {
    expect(await verifyPassword({ hash: 'salt:abcdef', password: 'whatever1' })).toBe(false);
  });
});

describe('argon2 parameters', () => {
  it('keep the OWASP strength (19 MiB, 2 passes, 1 lane) outside tests', () => {
    for (const env of ['production', 'development', undefined]) {
      expect(argon2Options(env)).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    }
  });

  it('are cheap only under NODE_ENV=test, and such hashes still verify', async () => {
    expect(argon2Options('test').memoryCost).toBeLessThan(19456);
    const hash = await hashPassword('Phố biển Nha Trang');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=1,p=1\$/);
    expect(await verifyPassword({ hash, password: 'Phố biển Nha Trang' })).toBe(true);
  });
});
