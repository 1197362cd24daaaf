// Audit actions in words (issue 19, item 12): the audit log never shows a raw code alone. An action code is
// `<module>.<thing…>.<verb>`; its label is the verb and the thing closest to it ("Gửi báo cáo tiến độ"), under
// the module's name. A whole code can have its own wording (`audit.action.<code>`) where the parts read badly.
// A part nobody has named yet stays as written, so a new action is visible, never hidden (a test names them all).
import { isMessageKey, type Locale, t } from '../../lib/i18n.server.ts';

export interface ActionLabel {
  module: string;
  label: string;
  /** Parts of the code that have no wording yet (empty when fully translated). */
  unnamed: string[];
}

export function auditActionLabel(locale: Locale, code: string): ActionLabel {
  const parts = code.split('.');
  const [mod = '', ...rest] = parts;
  const unnamed: string[] = [];
  const word = (prefix: string, part: string) => {
    const key = `${prefix}${part}`;
    if (isMessageKey(key)) return t(locale, key);
    unnamed.push(part);
    return part;
  };
  const module = word('audit.module.', mod);
  const whole = `audit.action.${code}`;
  if (isMessageKey(whole)) return { module, label: t(locale, whole), unnamed };
  const verb = rest.at(-1);
  const thing = rest.length >= 2 ? rest.at(-2) : undefined;
  const words = [
    verb ? word('audit.seg.', verb) : '',
    thing ? word('audit.seg.', thing) : rest.length === 1 ? module.toLocaleLowerCase(locale) : '',
  ].filter(Boolean);
  const label = words.join(' ');
  return { module, label: label.charAt(0).toLocaleUpperCase(locale) + label.slice(1), unnamed };
}
