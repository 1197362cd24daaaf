// A code field (card number or barcode): typed, or typed by a USB scanner, or filled by the camera script
// (scan.js adds a "scan" button beside fields marked data-scan).
import { useT } from '../../i18n.ts';

export function ScanField(p: { id: string; name: string; label: string; numeric?: boolean }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={p.id}>{p.label}</label>
      <p className="hint" id={`${p.id}-hint`}>
        {t('circulation.desk.codeHint')}
      </p>
      <input
        id={p.id}
        name={p.name}
        required
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={200}
        inputMode={p.numeric ? 'numeric' : 'text'}
        aria-describedby={`${p.id}-hint`}
        data-scan=""
      />
    </div>
  );
}
