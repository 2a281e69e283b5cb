// The rule the core applies, inside its transaction, before a member of staff's roles change.
import { describe, expect, it } from 'vitest';
import { roleChangeRefusal } from '../../shared/domain/staff-rules';
import type { Role } from '../../shared/domain/staff';

const ACTOR = 1;
const target = (roles: Role[], active = true) => ({ id: 2, name: 'Odette Fairweather', roles, active });

describe('roleChangeRefusal', () => {
  it('allows a real change by another DSL', () => {
    expect(roleChangeRefusal({ actorId: ACTOR, target: target(['deputy', 'head']), roles: ['head'], otherActiveDsls: 1 })).toBeNull();
    expect(roleChangeRefusal({ actorId: ACTOR, target: target(['dsl']), roles: ['deputy'], otherActiveDsls: 1 })).toBeNull();
  });

  it('refuses the last active DSL losing the DSL role', () => {
    expect(roleChangeRefusal({ actorId: ACTOR, target: target(['dsl', 'head']), roles: ['head'], otherActiveDsls: 0 })).toBe(
      'Odette Fairweather is the only active Designated Safeguarding Lead. Give another member of staff the DSL role first.',
    );
    // Keeping the DSL role is fine even when they are the only one.
    expect(roleChangeRefusal({ actorId: ACTOR, target: target(['dsl']), roles: ['dsl', 'head'], otherActiveDsls: 0 })).toBeNull();
  });

  it('refuses your own roles, a deactivated account, no role and no change', () => {
    expect(roleChangeRefusal({ actorId: 2, target: target(['dsl']), roles: ['dsl', 'head'], otherActiveDsls: 1 })).toBe(
      'You cannot change your own roles. Ask another DSL to do it.',
    );
    expect(roleChangeRefusal({ actorId: ACTOR, target: target(['deputy'], false), roles: ['dsl'], otherActiveDsls: 1 })).toMatch(/deactivated/);
    expect(roleChangeRefusal({ actorId: ACTOR, target: target(['deputy']), roles: [], otherActiveDsls: 1 })).toBe('Choose at least one role.');
    expect(roleChangeRefusal({ actorId: ACTOR, target: target(['deputy', 'head']), roles: ['head', 'deputy'], otherActiveDsls: 1 })).toMatch(
      /already has exactly these roles/,
    );
  });
});
