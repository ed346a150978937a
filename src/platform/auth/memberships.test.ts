import { describe, expect, it } from 'vitest';
import { summarize, tenantOf } from './memberships.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('memberships rules', () => {
  const list = summarize([
    { organizationId: A, role: 'employee' },
    { organizationId: B, role: 'hr_manager' },
    { organizationId: A, role: 'body_admin' },
    { organizationId: A, role: 'employee' },
    { organizationId: B, role: 'not_a_role' },
  ]);

  it('groups by body in the order granted, deduplicated, in the canonical role order', () => {
    expect(list).toEqual([
      { organizationId: A, roles: ['body_admin', 'employee'] },
      { organizationId: B, roles: ['hr_manager'] },
    ]);
  });

  it('defaults to the first body and honours a requested one only among the memberships', () => {
    expect(tenantOf(list)).toEqual({ organizationId: A, roles: ['body_admin', 'employee'] });
    expect(tenantOf(list, B)).toEqual({ organizationId: B, roles: ['hr_manager'] });
    expect(tenantOf(list, '00000000-0000-4000-8000-00000000000c')).toEqual({ organizationId: null, roles: [] });
    expect(tenantOf([])).toEqual({ organizationId: null, roles: [] });
  });

  it('platform_admin held in one body counts in every body', () => {
    const p = summarize([
      { organizationId: A, role: 'platform_admin' },
      { organizationId: B, role: 'employee' },
    ]);
    expect(tenantOf(p, B).roles).toEqual(['platform_admin', 'employee']);
    expect(tenantOf(p, '00000000-0000-4000-8000-00000000000c')).toEqual({ organizationId: null, roles: ['platform_admin'] });
  });
});
