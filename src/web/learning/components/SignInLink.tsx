// "Sign in to save your progress", linking to the sign-in page that brings the reader back here.
import { useHref, useT } from '../../i18n.ts';

export function SignInLink({ back }: { back: string }) {
  const t = useT();
  const href = useHref();
  return (
    <p>
      <a href={`${href('/sign-in')}?next=${encodeURIComponent(href(back))}`}>
        {t('learning.public.signInToSave')}
      </a>
    </p>
  );
}
