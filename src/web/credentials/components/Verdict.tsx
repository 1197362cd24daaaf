import type { MessageKey } from '../../../lib/i18n.ts';
import type { VerificationStatus } from '../../../modules/credentials/credentials.vocab.ts';
import { useT } from '../../i18n.ts';

/** The verification verdict, in words and colour (never colour alone). */
export function Verdict({ status, reason }: { status: VerificationStatus; reason: string | null }) {
  const t = useT();
  const ok = status === 'valid';
  return (
    <div className={`credential-verdict ${ok ? 'valid' : 'invalid'}`} role="status" data-status={status}>
      <strong>
        {ok ? '✓ ' : '✗ '}
        {t(`credentials.status.${status}` as MessageKey)}
      </strong>
      {ok ? <p>{t('credentials.status.validHelp')}</p> : null}
      {status === 'revoked' && reason ? (
        <p>
          {t('credentials.verify.revokedReason')}: {reason}
        </p>
      ) : null}
    </div>
  );
}
