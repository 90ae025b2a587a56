// Tokens: random, stored only as SHA-256 hashes, compared in constant time, never logged.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a token lets its holder do with a plan. */
export type Role = 'edit' | 'view';

/** A fresh token: 24 random bytes (192 bits), URL-safe. */
export const newToken = (): string => randomBytes(24).toString('base64url');

/** The form a token is stored in. SHA-256 is enough: tokens are random, not passwords, so no salt or stretching. */
export const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** Constant-time equality of two hashes (both SHA-256, so equal lengths; unequal lengths are simply unequal). */
export function hashesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Constant-time comparison of a presented secret with the expected one, via their hashes (equal lengths). */
export const secretMatches = (expected: string, presented: string): boolean =>
  hashesEqual(hashToken(expected), hashToken(presented));

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** Plan ids are nanoids; anything else is refused before it reaches storage. */
export const PLAN_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export const isPlanId = (value: string): boolean => PLAN_ID_PATTERN.test(value);
