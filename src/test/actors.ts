// Hand-built actors for use-case tests that do not go through sign-in.
import type { Actor, Grant } from '../lib/authz.ts';

export function testActor(grants: Grant[], parents: Record<string, string | null> = {}): Actor {
  const inSubtree = (rootId: string, unitId: string): boolean => {
    let cur: string | null | undefined = unitId;
    for (let i = 0; cur && i < 100; i++) {
      if (cur === rootId) return true;
      cur = parents[cur];
    }
    return false;
  };
  return {
    kind: 'user',
    userId: 'usr_testtesttesttest',
    email: 'tester@example.vn',
    name: 'Người kiểm thử',
    grants,
    inSubtree,
    twoFactorEnabled: false,
    sessionId: 'ses_testtesttesttest',
  };
}
