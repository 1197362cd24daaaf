// Who may do what with staff training. Every staff member reads the courses of their unit subtree (and their
// own record); managers, staff who keep the unit's records, the Department's officers and administrators
// register courses, sessions, participants, attendance and certificates for their unit (subtree).
import type { PermissionTable } from '../../lib/authz.ts';

const READERS = ['unit_staff', 'unit_manager', 'department_officer', 'leader', 'administrator'] as const;
const WRITERS = ['unit_staff', 'unit_manager', 'department_officer', 'administrator'] as const;

export const trainingPermissions = {
  'training.course.read': { roles: READERS, scope: 'unit-subtree' },
  'training.course.create': { roles: WRITERS, scope: 'unit-subtree' },
  'training.course.update': { roles: WRITERS, scope: 'unit-subtree' },
  'training.record.read': { roles: READERS, scope: 'unit-subtree' },
} satisfies PermissionTable;
