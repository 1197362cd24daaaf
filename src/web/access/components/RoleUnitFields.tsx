// The role and unit pickers shared by the invite form and the add-grant form. Units are listed in tree order,
// indented by depth, so a grant's subtree is visible at a glance.
import type { GrantableRole } from '../../../modules/access/access.schemas.server.ts';
import { useT } from '../../i18n.ts';

export interface UnitChoice {
  id: string;
  name: string;
  depth: number;
}

export function RoleUnitFields(props: {
  idPrefix: string;
  roles: readonly GrantableRole[];
  units: readonly UnitChoice[];
  values: { role?: string; unitId?: string };
  /** Offer "no role" (a citizen account) as the first choice. */
  allowNone?: boolean;
  roleLabel: string;
  invalid?: { role?: boolean; unitId?: boolean };
}) {
  const t = useT();
  const { idPrefix, values } = props;
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-role`}>{props.roleLabel}</label>
        <select
          id={`${idPrefix}-role`}
          name="role"
          defaultValue={values.role ?? ''}
          aria-invalid={props.invalid?.role || undefined}
          required={!props.allowNone}
        >
          {props.allowNone ? <option value="">{t('access.invite.noRole')}</option> : null}
          {props.roles.map((r) => (
            <option key={r} value={r}>
              {t(`access.role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-unit`}>{t('access.invite.unit')}</label>
        <select
          id={`${idPrefix}-unit`}
          name="unitId"
          defaultValue={values.unitId ?? ''}
          aria-invalid={props.invalid?.unitId || undefined}
        >
          <option value="">{t('access.invite.chooseUnit')}</option>
          {props.units.map((u) => (
            <option key={u.id} value={u.id}>
              {`${'\u00a0\u00a0'.repeat(u.depth)}${u.name}`}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
