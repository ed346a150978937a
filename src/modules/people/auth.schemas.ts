/** Zod schemas shared by the auth routes (request and response, also the OpenAPI document). */
import { z } from 'zod';
import { ROLES } from '../../platform/auth/context.js';

export const roleSchema = z.enum(ROLES);

export const sessionSchema = z.object({
  user: z.object({ id: z.uuid(), email: z.string().max(254), displayName: z.string().max(200) }),
  organization: z.object({ id: z.uuid(), name: z.string().max(200) }).nullable(),
  roles: z.array(roleSchema).max(ROLES.length),
  csrfToken: z.string().max(100).describe('Da inviare come X-CSRF-Token nelle scritture'),
  memberships: z
    .array(z.object({ organizationId: z.uuid(), organizationName: z.string().max(200), roles: z.array(roleSchema).max(ROLES.length) }))
    .max(1000),
});

export const emailSchema = z.string().trim().min(3).max(254);
export const passwordSchema = z.string().min(1).max(256);
