// The top of a learning path's or reading challenge's edit page: its title, status with a preview link, the
// notice of what was just done, the error summary, and the publish/unpublish button.
import type { MessageKey } from '../../../lib/i18n.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import type { FormMessage } from '../../ui/forms.ts';

export function LearningEditHeader(props: {
  title: string;
  status: 'draft' | 'published';
  version: number;
  /** The public page (`/learn/paths/<id>`, `/learn/challenges/<id>`). */
  previewPath: string;
  notice: MessageKey | null | undefined;
  errors: readonly FormMessage[] | undefined;
}) {
  const t = useT();
  const href = useHref();
  const published = props.status === 'published';
  return (
    <>
      <title>{`${props.title} — ${t('learning.admin.title')} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/learning')}>{t('learning.admin.title')}</a>
      </p>
      <h1>{props.title}</h1>
      <p>
        {t(`learning.status.${props.status}`)} ·{' '}
        <a href={href(props.previewPath)}>{t('learning.admin.preview')}</a>
      </p>
      {props.notice ? (
        <p className="alert-ok" role="status">
          {t(props.notice)}
        </p>
      ) : null}
      <ErrorSummary errors={props.errors} />
      <form method="post">
        <input type="hidden" name="intent" value={published ? 'unpublish' : 'publish'} />
        <input type="hidden" name="version" value={props.version} />
        <button type="submit">{t(published ? 'learning.admin.unpublish' : 'learning.admin.publish')}</button>
      </form>
    </>
  );
}
