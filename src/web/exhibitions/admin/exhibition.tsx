// Back office: compose one exhibition without JavaScript. Every form posts here with an `intent`; success
// redirects back (post-redirect-get) to the changed part, failure re-renders with the error summary.
// Sections and their objects/images are reordered with "move up"/"move down" buttons.
import { redirect } from 'react-router';
import { isAppError } from '../../../lib/errors.ts';
import { localePath, type MessageKey } from '../../../lib/i18n.ts';
import { isVersionConflict } from '../../../lib/versions.server.ts';
import { getExhibitionForStaff } from '../../../modules/exhibitions/exhibitions.queries.server.ts';
import {
  ExhibitionPatchSchema,
  MoveSchema,
  RecordItemInputSchema,
  SectionEditSchema,
  SectionInputSchema,
} from '../../../modules/exhibitions/exhibitions.schemas.server.ts';
import {
  addRecordItem,
  addSection,
  deleteSection,
  moveItem,
  moveSection,
  removeItem,
  setExhibitionStatus,
  updateExhibition,
  updateSection,
} from '../../../modules/exhibitions/exhibitions.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { ConflictSummary } from '../../ui/ConflictSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { formValues } from '../../ui/form-values.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { conflictForm, conflictOf, formVersion, submittedOf } from '../../ui/version-forms.ts';
import { ExhibitionFields } from '../components/ExhibitionFields.tsx';
import { SectionEditor, SectionFields } from '../components/SectionEditor.tsx';
import {
  EXHIBITION_FIELDS,
  EXHIBITION_MESSAGES,
  exhibitionFormInput,
  SECTION_FIELDS,
  sectionMessages,
  textFields,
} from '../forms.server.ts';
import type { Route } from './+types/exhibition.ts';

const DONE: Record<string, MessageKey> = {
  created: 'exhibitions.done.created',
  saved: 'exhibitions.done.saved',
  published: 'exhibitions.done.published',
  unpublished: 'exhibitions.done.unpublished',
  section: 'exhibitions.done.section',
  item: 'exhibitions.done.item',
  image: 'exhibitions.done.image',
};

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const ex = await getExhibitionForStaff(deps, actor, params.exhibitionId);
    return {
      ex: {
        id: ex.id,
        slug: ex.slug,
        status: ex.status,
        version: ex.version,
        unitName: ex.unitName,
        titleVi: ex.titleVi,
        titleEn: ex.titleEn,
        summaryVi: ex.summaryVi,
        summaryEn: ex.summaryEn,
        startDate: ex.startDate,
        endDate: ex.endDate,
      },
      sections: ex.sections,
      done: doneNotice(request.url, DONE),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

/** `rec_…` from a pasted record id or record page address. */
function recordIdFrom(raw: string): string {
  const m = /rec_[a-z2-9]{16}/.exec(raw);
  return m ? m[0] : raw.trim();
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const sectionId = formText(form, 'sectionId');
  const itemId = formText(form, 'itemId');
  const id = params.exhibitionId;
  const back = (done: string, anchor = '') =>
    redirect(`${localePath(locale, `/admin/exhibitions/${id}`)}?done=${done}${anchor}`, 303);
  const values: Record<string, string> = { intent, sectionId };
  try {
    if (intent === 'update') {
      const v = formValues(form, EXHIBITION_FIELDS);
      Object.assign(values, v);
      const parsed = ExhibitionPatchSchema.safeParse({
        ...exhibitionFormInput(v),
        version: Number(v.version),
      });
      if (!parsed.success) return invalid(issuesToMessages(parsed.error, EXHIBITION_MESSAGES), values);
      await updateExhibition(deps, actor, id, parsed.data);
      return back('saved');
    }
    if (intent === 'publish' || intent === 'unpublish') {
      const status = intent === 'publish' ? 'published' : 'draft';
      await setExhibitionStatus(deps, actor, id, status, formVersion(form));
      return back(intent === 'publish' ? 'published' : 'unpublished');
    }
    if (intent === 'section-add' || intent === 'section-update') {
      const fields = textFields(form, SECTION_FIELDS);
      Object.assign(values, fields);
      const prefix = intent === 'section-add' ? 'new-section' : `sec-${sectionId}`;
      const parsed = SectionInputSchema.safeParse(fields);
      if (!parsed.success) return invalid(issuesToMessages(parsed.error, sectionMessages(prefix)), values);
      if (intent === 'section-add') {
        const s = await onceForm(deps, actor, 'exhibitions.section.create', form, async (d) => ({
          id: (await addSection(d, actor, id, parsed.data)).id,
        }));
        return back('section', `#sec-${s.id}`);
      }
      const version = formVersion(form);
      values.version = String(version);
      try {
        await updateSection(deps, actor, id, sectionId, SectionEditSchema.parse({ ...parsed.data, version }));
      } catch (e) {
        if (!isVersionConflict(e)) throw e;
        const now = (await getExhibitionForStaff(deps, actor, id)).sections.find((s) => s.id === sectionId);
        if (!now) throw e;
        const saved = Object.fromEntries(SECTION_FIELDS.map((f) => [f, now[f] ?? '']));
        return conflictForm(values, { version: now.version, saved }, `sec-${sectionId}-heading-vi`);
      }
      return back('section', `#sec-${sectionId}`);
    }
    if (intent === 'section-move' || intent === 'item-move') {
      const parsed = MoveSchema.safeParse({ direction: formText(form, 'direction') });
      if (!parsed.success) return invalid([{ key: 'error.validation' }], values);
      if (intent === 'section-move') await moveSection(deps, actor, id, sectionId, parsed.data.direction);
      else await moveItem(deps, actor, id, sectionId, itemId, parsed.data.direction);
      return back(intent === 'section-move' ? 'section' : 'item', `#sec-${sectionId}`);
    }
    if (intent === 'section-delete') {
      await deleteSection(deps, actor, id, sectionId);
      return back('section');
    }
    if (intent === 'item-add-record') {
      const fields = textFields(form, ['recordId', 'captionVi', 'captionEn'] as const);
      Object.assign(values, fields);
      const parsed = RecordItemInputSchema.safeParse({
        ...fields,
        recordId: recordIdFrom(fields.recordId ?? ''),
      });
      if (!parsed.success)
        return invalid(
          [{ field: `sec-${sectionId}-record`, key: 'exhibitions.error.recordUnknown' }],
          values,
        );
      await onceForm(deps, actor, 'exhibitions.item.create', form, async (d) => {
        await addRecordItem(d, actor, id, sectionId, parsed.data);
      });
      return back('item', `#sec-${sectionId}`);
    }
    if (intent === 'item-delete') {
      await removeItem(deps, actor, id, sectionId, itemId);
      return back('item', `#sec-${sectionId}`);
    }
    return invalid([{ key: 'error.validation' }], values);
  } catch (e) {
    if (isAppError(e) && e.status === 404) rethrowForPage(e);
    const field = isAppError(e)
      ? e.code === 'exhibitions.slug_taken'
        ? 'exhibition-slug'
        : e.code === 'exhibitions.record_unknown'
          ? `sec-${sectionId}-record`
          : undefined
      : undefined;
    return failure(e, values, field);
  }
}

export default function ExhibitionAdmin({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { ex, sections, done } = loaderData;
  const errors = actionData?.errors;
  const submitted: Record<string, string> = actionData?.values ?? {};
  const editValues =
    submitted.intent === 'update'
      ? submitted
      : {
          titleVi: ex.titleVi,
          titleEn: ex.titleEn ?? '',
          slug: ex.slug,
          summaryVi: ex.summaryVi ?? '',
          summaryEn: ex.summaryEn ?? '',
          startDate: ex.startDate ?? '',
          endDate: ex.endDate ?? '',
        };
  return (
    <>
      <title>{`${ex.titleVi} — ${t('exhibitions.admin.title')} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/exhibitions')}>{t('exhibitions.admin.back')}</a>
      </p>
      <h1>{ex.titleVi}</h1>
      <p>
        <span className="badge">{t(`exhibitions.status.${ex.status}`)}</span> {ex.unitName} ·{' '}
        <a href={href(`/exhibitions/${ex.slug}`)}>
          {ex.status === 'published' ? t('exhibitions.admin.view') : t('exhibitions.admin.preview')}
        </a>
      </p>
      {done ? (
        <p className="alert-ok" role="status">
          {t(done)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <ConflictSummary
        conflict={conflictOf(actionData)}
        submitted={submittedOf(actionData)}
        labels={{
          headingVi: t('exhibitions.field.headingVi'),
          headingEn: t('exhibitions.field.headingEn'),
          bodyVi: t('exhibitions.field.bodyVi'),
          bodyEn: t('exhibitions.field.bodyEn'),
        }}
      />
      <form method="post" className="inline-form">
        <input type="hidden" name="intent" value={ex.status === 'published' ? 'unpublish' : 'publish'} />
        <input type="hidden" name="version" value={ex.version} />
        <button type="submit">
          {ex.status === 'published' ? t('exhibitions.admin.unpublish') : t('exhibitions.admin.publish')}
        </button>
        {ex.status !== 'published' && sections.length === 0 ? (
          <span className="hint"> {t('exhibitions.error.empty')}</span>
        ) : null}
      </form>

      <section aria-labelledby="exhibition-sections">
        <h2 id="exhibition-sections">{t('exhibitions.admin.sections')}</h2>
        {sections.length === 0 ? <p>{t('exhibitions.admin.noSections')}</p> : null}
        {sections.map((s, i) => (
          <SectionEditor
            key={s.id}
            exhibitionId={ex.id}
            section={s}
            index={i}
            count={sections.length}
            errors={errors}
            submitted={submitted.sectionId === s.id ? submitted : undefined}
          />
        ))}
      </section>

      <section aria-labelledby="section-add">
        <h2 id="section-add">{t('exhibitions.admin.addSection')}</h2>
        <form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="section-add" />
          <FormToken />
          <SectionFields
            prefix="new-section"
            values={submitted.intent === 'section-add' ? submitted : {}}
            errors={errors}
          />
          <button type="submit">{t('exhibitions.admin.addSectionSubmit')}</button>
        </form>
      </section>

      <section aria-labelledby="exhibition-details">
        <h2 id="exhibition-details">{t('exhibitions.admin.details')}</h2>
        <form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="version" value={ex.version} />
          <ExhibitionFields values={editValues} errors={errors} />
          <button type="submit">{t('exhibitions.admin.save')}</button>
        </form>
      </section>
    </>
  );
}
