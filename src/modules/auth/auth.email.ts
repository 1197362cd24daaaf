// E-mail addresses are stored and compared NFC-normalised, trimmed and lower-cased.
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}
