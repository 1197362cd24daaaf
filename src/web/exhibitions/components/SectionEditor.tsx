// One section on the exhibition editing page: move/delete buttons, its text (in a <details> that opens
// without JavaScript), its objects and images with their own move/remove buttons, and the forms to add more.
// Buttons carry the section's or item's name for screen readers ("Move up: Trầm hương").
import type {
  ExhibitionItemView,
  SectionView,
} from '../../../modules/exhibitions/exhibitions.queries.server.ts';
import { ResponsiveImage } from '../../catalogue/components/ResponsiveImage.tsx';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { FieldError, fieldAria, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';

const textOf = (v: object, name: string): string => {
  const x = (v as Record<string, unknown>)[name];
  return typeof x === 'string' ? x : '';
};

type Errors = readonly FormMessage[] | undefined;

export function SectionFields({
  prefix,
  values: v,
  errors,
}: {
  prefix: string;
  values: object;
  errors: Errors;
}) {
  const t = useT();
  const input = (suffix: string, name: string, label: string, max: number, area: boolean) => {
    const id = `${prefix}-${suffix}`;
    const common = { id, label, errors, name, maxLength: max, defaultValue: textOf(v, name) };
    return area ? <TextArea rows={6} {...common} /> : <TextField {...common} />;
  };
  return (
    <>
      {input('heading-vi', 'headingVi', t('exhibitions.field.headingVi'), 300, false)}
      {input('heading-en', 'headingEn', t('exhibitions.field.headingEn'), 300, false)}
      {input('body-vi', 'bodyVi', t('exhibitions.field.bodyVi'), 20000, true)}
      {input('body-en', 'bodyEn', t('exhibitions.field.bodyEn'), 20000, true)}
    </>
  );
}

function Hidden({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}

/** Move up / move down / remove buttons, each a tiny form; the name says what they act on. */
function RowButtons({
  intent,
  fields,
  name,
  first,
  last,
  removeLabel,
}: {
  intent: 'section' | 'item';
  fields: Record<string, string>;
  name: string;
  first: boolean;
  last: boolean;
  removeLabel: string;
}) {
  const t = useT();
  const hidden = (text: string) => <span className="visually-hidden">: {text}</span>;
  return (
    <div className="row-buttons">
      {!first ? (
        <form method="post">
          <Hidden fields={{ ...fields, intent: `${intent}-move`, direction: 'up' }} />
          <button type="submit" className="secondary">
            {t('exhibitions.admin.moveUp')}
            {hidden(name)}
          </button>
        </form>
      ) : null}
      {!last ? (
        <form method="post">
          <Hidden fields={{ ...fields, intent: `${intent}-move`, direction: 'down' }} />
          <button type="submit" className="secondary">
            {t('exhibitions.admin.moveDown')}
            {hidden(name)}
          </button>
        </form>
      ) : null}
      <form method="post">
        <Hidden fields={{ ...fields, intent: `${intent}-delete` }} />
        <button type="submit" className="danger">
          {removeLabel}
          {hidden(name)}
        </button>
      </form>
    </div>
  );
}

function itemName(item: ExhibitionItemView, locale: 'vi' | 'en'): string {
  if (item.kind === 'record') return item.record.title;
  return locale === 'en' && item.image.altEn ? item.image.altEn : item.image.altVi;
}

export function SectionEditor(props: {
  exhibitionId: string;
  section: SectionView;
  index: number;
  count: number;
  errors: Errors;
  submitted: Record<string, string> | undefined;
}) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const { section: s, errors } = props;
  const prefix = `sec-${s.id}`;
  const editing = props.submitted?.intent === 'section-update';
  const adding = props.submitted?.intent === 'item-add-record';
  return (
    <section id={prefix} aria-labelledby={`${prefix}-title`} className="exhibit-section-editor">
      <h3 id={`${prefix}-title`}>
        {props.index + 1}. {s.headingVi}
      </h3>
      <RowButtons
        intent="section"
        fields={{ sectionId: s.id }}
        name={s.headingVi}
        first={props.index === 0}
        last={props.index === props.count - 1}
        removeLabel={t('exhibitions.admin.deleteSection')}
      />
      <details open={editing}>
        <summary>{t('exhibitions.admin.editSection')}</summary>
        <form method="post" className="form" noValidate>
          <Hidden fields={{ intent: 'section-update', sectionId: s.id, version: String(s.version) }} />
          <SectionFields prefix={prefix} values={editing ? (props.submitted ?? {}) : s} errors={errors} />
          <button type="submit">{t('exhibitions.admin.save')}</button>
        </form>
      </details>
      <h4>{t('exhibitions.admin.items')}</h4>
      {s.items.length === 0 ? <p>{t('exhibitions.admin.noItems')}</p> : null}
      <ol className="exhibit-item-list">
        {s.items.map((item, i) => {
          const image = item.kind === 'image' ? item.image : item.record.image;
          return (
            <li key={item.id}>
              {image ? <ResponsiveImage image={image} locale={locale} variant="thumb" sizes="6rem" /> : null}
              <div>
                {item.kind === 'record' ? (
                  <p>
                    <a href={href(`/records/${item.record.id}`)}>{item.record.title}</a>
                    {!item.record.published ? (
                      <span className="badge"> {t('exhibitions.admin.recordDraft')}</span>
                    ) : null}
                  </p>
                ) : (
                  <p>
                    {t('exhibitions.admin.imageAlt')}: {item.image.altVi}
                  </p>
                )}
                <RowButtons
                  intent="item"
                  fields={{ sectionId: s.id, itemId: item.id }}
                  name={itemName(item, locale)}
                  first={i === 0}
                  last={i === s.items.length - 1}
                  removeLabel={t('exhibitions.admin.removeItem')}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <form method="post" className="form" noValidate>
        <Hidden fields={{ intent: 'item-add-record', sectionId: s.id }} />
        <FormToken />
        <div className="field">
          <label htmlFor={`${prefix}-record`}>{t('exhibitions.field.record')}</label>
          <p className="hint" id={`${prefix}-record-hint`}>
            {t('exhibitions.field.recordHint')}
          </p>
          <FieldError id={`${prefix}-record`} errors={errors} />
          <input
            id={`${prefix}-record`}
            name="recordId"
            maxLength={300}
            defaultValue={adding ? (props.submitted?.recordId ?? '') : ''}
            {...fieldAria(`${prefix}-record`, errors, `${prefix}-record-hint`)}
          />
        </div>
        <TextField
          id={`${prefix}-record-caption`}
          label={t('exhibitions.field.captionVi')}
          name="captionVi"
          maxLength={2000}
        />
        <button type="submit">
          {t('exhibitions.admin.addRecord')}
          <span className="visually-hidden">: {s.headingVi}</span>
        </button>
      </form>
      <p>
        <a href={href(`/admin/exhibitions/${props.exhibitionId}/sections/${s.id}/image`)}>
          {t('exhibitions.admin.addImage')}
          <span className="visually-hidden">: {s.headingVi}</span>
        </a>
      </p>
    </section>
  );
}
