// Zod shapes for user administration: API bodies and queries, page forms, and API output.
import { z } from '@hono/zod-openapi';
import { ROLES, type Role } from '../../lib/authz.ts';
import { singleLineText } from '../../lib/text.server.ts';

/** Roles that can be granted. `citizen` is what a user without grants already is, so it is never granted. */
export const GRANTABLE_ROLES = [
  'unit_staff',
  'unit_manager',
  'department_officer',
  'finance_officer',
  'leader',
  'administrator',
] as const satisfies readonly Role[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

const EntityId = z
  .string()
  .trim()
  .regex(/^[\w-]{1,64}$/);
const Email = singleLineText({ max: 254 }).pipe(z.email());
const Name = singleLineText({ min: 1, max: 200 });

export const GrantInputSchema = z
  .strictObject({ role: z.enum(GRANTABLE_ROLES), unitId: EntityId })
  .openapi('GrantInput');
export type GrantInput = z.infer<typeof GrantInputSchema>;

export const InviteInputSchema = z
  .strictObject({
    email: Email,
    name: Name,
    /** Optional first grant; without one the account is a citizen account. */
    grant: GrantInputSchema.optional(),
    /** Language of the invitation mail's link. */
    locale: z.enum(['vi', 'en']).default('vi'),
  })
  .openapi('InviteInput');
export type InviteInput = z.infer<typeof InviteInputSchema>;

export const UserListQuerySchema = z.strictObject({
  q: singleLineText({ max: 200 }).optional(),
  role: z.enum(ROLES).optional(),
  unit: EntityId.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;

export const UserIdParamSchema = z.strictObject({
  userId: EntityId.openapi({ param: { name: 'userId', in: 'path' }, example: 'usr_abcdefghijkmnpqr' }),
});
export const GrantIdParamSchema = z.strictObject({
  grantId: EntityId.openapi({ param: { name: 'grantId', in: 'path' }, example: 'grt_abcdefghijkmnpqr' }),
});
/** Revoking takes no input; an empty object (or no body) is accepted, anything else is refused. */
export const EmptyBodySchema = z.strictObject({});

export const SecuritySettingsSchema = z
  .strictObject({ requireMfaForStaff: z.boolean() })
  .openapi('SecuritySettings');
export type SecuritySettings = z.infer<typeof SecuritySettingsSchema>;

// Output
export const GrantSchema = z
  .object({
    id: z.string(),
    role: z.enum(ROLES),
    unitId: z.string(),
    unitName: z.string(),
    grantedAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Grant');

export const UserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    twoFactorEnabled: z.boolean(),
    createdAt: z.string(),
    invitedAt: z.string().nullable(),
    disabledAt: z.string().nullable(),
    grants: z.array(GrantSchema),
  })
  .openapi('User');

export const UserPageSchema = z
  .object({ users: z.array(UserSchema), total: z.number(), page: z.number(), limit: z.number() })
  .openapi('UserPage');

export const CreatedSchema = z.object({ id: z.string() }).openapi('Created');
