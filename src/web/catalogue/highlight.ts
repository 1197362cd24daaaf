// Why a result matched: the words of a title that the query asked for, found the way search finds them
// (accents and case folded: "hoa" marks "Hòa"), so the page can wrap them in <mark>. Pure, no JS shipped.
import { fold } from '../../lib/vn-text.ts';

export interface Piece {
  text: string;
  mark: boolean;
}

/** `text` cut into pieces, the words whose folded form is one of `foldedWords` marked. */
export function highlight(text: string, foldedWords: readonly string[]): Piece[] {
  const wanted = new Set(foldedWords.filter(Boolean));
  if (wanted.size === 0) return [{ text, mark: false }];
  const pieces: Piece[] = [];
  // Words (letters and digits, NFC) and what lies between them, in order.
  for (const m of text.normalize('NFC').matchAll(/([\p{L}\p{N}]+)|([^\p{L}\p{N}]+)/gu)) {
    const word = m[1];
    const mark = word !== undefined && wanted.has(fold(word.toLowerCase()));
    const last = pieces.at(-1);
    if (last && last.mark === mark && !mark) last.text += m[0];
    else pieces.push({ text: m[0], mark });
  }
  return pieces;
}
