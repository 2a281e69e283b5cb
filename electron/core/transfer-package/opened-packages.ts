import { randomBytes } from 'node:crypto';
import type { SignedPackageContent } from '../../../shared/domain/transfers/package-content';
import type { UnlockedSession } from '../session/session';

/** How long an opened package waits for the DSL to choose where it goes. */
const OPENED_PACKAGE_MINUTES = 10;

type Opened = { signed: SignedPackageContent; expiresAt: number };

// Keyed by the session itself, so locking (which drops the session) drops every opened
// package with it, and another person signing in never finds one.
const openedBySession = new WeakMap<UnlockedSession, Map<string, Opened>>();

/** Holds an opened package in the core under a token: its file and plaintext never go to the window. */
export function holdOpened(session: UnlockedSession, signed: SignedPackageContent, now: Date): string {
  const held = openedBySession.get(session) ?? new Map<string, Opened>();
  for (const [token, opened] of held) if (opened.expiresAt <= now.getTime()) held.delete(token);
  const token = randomBytes(16).toString('hex');
  held.set(token, { signed, expiresAt: now.getTime() + OPENED_PACKAGE_MINUTES * 60_000 });
  openedBySession.set(session, held);
  return token;
}

/** The package opened under this token, or null when it has expired or was never opened here. */
export function takeOpened(session: UnlockedSession, token: string, now: Date): SignedPackageContent | null {
  const opened = openedBySession.get(session)?.get(token);
  if (!opened || opened.expiresAt <= now.getTime()) return null;
  return opened.signed;
}

export function releaseOpened(session: UnlockedSession, token: string): void {
  openedBySession.get(session)?.delete(token);
}
