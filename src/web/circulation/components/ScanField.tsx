// A code field (card number or barcode): typed, or typed by a USB scanner, or filled by the camera script
// (scan.js adds a "scan" button beside fields marked data-scan).
import { useT } from '../../i18n.ts';
import { TextField } from '../../ui/Field.tsx';

export function ScanField(p: { id: string; name: string; label: string; numeric?: boolean }) {
  const t = useT();
  return (
    <TextField
      id={p.id}
      label={p.label}
      hint={t('circulation.desk.codeHint')}
      name={p.name}
      required
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      maxLength={200}
      inputMode={p.numeric ? 'numeric' : 'text'}
      data-scan=""
    />
  );
}
