// Private signing keys at rest: AES-256-GCM under CREDENTIALS_KEY (config.credentialsKey). The database only
// ever holds `iv.tag.ciphertext`; a wrong key or a changed byte fails authentication instead of signing garbage.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../lib/errors.ts';

function keyBytes(secret: string | undefined): Buffer {
  if (!secret) throw new AppError('credentials.key_unconfigured', 503, 'credentials.error.keyUnconfigured');
  const key = Buffer.from(secret, 'base64url');
  if (key.length !== 32)
    throw new AppError('credentials.key_unconfigured', 503, 'credentials.error.keyUnconfigured');
  return key;
}

export function seal(secret: string | undefined, plain: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(secret), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function open(secret: string | undefined, sealed: string): Uint8Array {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !body) throw new Error('sealed key: malformed');
  const decipher = createDecipheriv('aes-256-gcm', keyBytes(secret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}
