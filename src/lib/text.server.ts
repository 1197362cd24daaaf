// One text normalisation at the boundary (ADR 0008): every string a person sends — API JSON, page forms,
// query strings — passes through these builders before any rule or use case sees it.
//   - refused: lone surrogates and U+FFFD (the encoding was already broken before it reached us);
//   - NFC, so Vietnamese typed in decomposed form is stored and searched as one form;
//   - C0/C1 control characters refused (multi-line text keeps \n and \t; \r\n becomes \n);
//   - bidi overrides/isolates (U+202A–U+202E, U+2066–U+2069) refused in single-line text (names, titles),
//     stripped from multi-line text;
//   - zero-width characters (U+200B–U+200D, U+2060, U+FEFF) trimmed at the ends with white space, and removed
//     inside single-line text except a ZWJ joining emoji; a value of only invisible characters is empty.
import { z } from '@hono/zod-openapi';
import type { MessageKey } from './i18n.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL_SINGLE = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL_MULTI = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const BIDI_CONTROLS_ALL = /[\u202a-\u202e\u2066-\u2069]/g;
const INVISIBLE_EDGES = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g;
// Inside a single line: every zero-width character goes, except a ZWJ joining two emoji (family, profession).
const ZERO_WIDTH_INSIDE =
  /[\u200b\u200c\u2060\ufeff]|(?<!\p{Extended_Pictographic}|\p{Emoji_Modifier}|\ufe0f)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;

export type TextKind = 'single' | 'multi';
export type TextProblem = 'encoding' | 'control' | 'bidi';

/** Why a raw string is refused, or null when it can be normalised. */
export function textProblem(raw: string, kind: TextKind): TextProblem | null {
  if (!raw.isWellFormed() || raw.includes('\ufffd')) return 'encoding';
  if ((kind === 'single' ? CONTROL_SINGLE : CONTROL_MULTI).test(raw.replace(/\r\n?/g, '\n')))
    return 'control';
  if (kind === 'single' && BIDI_CONTROLS.test(raw)) return 'bidi';
  return null;
}

/** The stored form of an acceptable string (see the file header). Never throws. */
export function normalizeText(raw: string, kind: TextKind): string {
  let s = raw.normalize('NFC');
  if (kind === 'multi') s = s.replace(/\r\n?/g, '\n').replace(BIDI_CONTROLS_ALL, '');
  else s = s.replace(ZERO_WIDTH_INSIDE, '');
  return s.replace(INVISIBLE_EDGES, '');
}

/** True when a form value holds nothing a person could see (white space and zero-width characters only). */
export function isBlank(raw: string): boolean {
  return raw.replace(INVISIBLE_EDGES, '') === '';
}

const PROBLEM_KEYS: Record<TextProblem, MessageKey> = {
  encoding: 'error.text.encoding',
  control: 'error.text.control',
  bidi: 'error.text.bidi',
};
const PROBLEM_MESSAGES: Record<TextProblem, string> = {
  encoding: 'invalid encoding: lone surrogate or replacement character',
  control: 'control characters are not allowed',
  bidi: 'bidirectional override characters are not allowed',
};

/** A Zod issue that carries a message key (and its parameters) for the page forms and the API problem. */
export interface KeyedIssueParams {
  messageKey: MessageKey;
  [param: string]: string | number;
}

// The checks the shared builders add (text here, dates in date-fields.ts): clones made by .min()/.max()/
// .optional() keep the same check objects, so a schema walk can tell a normalised string from a raw one.
const BOUNDARY_CHECKS = new WeakSet<object>();

/** Marks a string schema as built by a boundary builder (its checks are recognised by a schema walk). */
export function markBoundary<T extends z.ZodString | z.ZodStringFormat>(schema: T): T {
  for (const check of schema._zod.def.checks ?? []) BOUNDARY_CHECKS.add(check);
  return schema;
}

/** True when a string schema went through a boundary builder. */
export function isBoundaryString(schema: z.ZodType): boolean {
  const checks = (schema._zod.def as { checks?: object[] }).checks ?? [];
  return checks.some((c) => BOUNDARY_CHECKS.has(c));
}

function textSchema(kind: TextKind) {
  return markBoundary(
    z
      .string()
      .check((ctx) => {
        const problem = textProblem(ctx.value, kind);
        if (problem)
          ctx.issues.push({
            code: 'custom',
            input: ctx.value,
            message: PROBLEM_MESSAGES[problem],
            params: { messageKey: PROBLEM_KEYS[problem] } satisfies KeyedIssueParams,
          });
      })
      .overwrite((s) => normalizeText(s, kind)),
  );
}

/** A name, title, heading, code or query: one line, no control or bidi characters. */
export const singleLineText = (opts: { min?: number; max: number }) =>
  textSchema('single')
    .min(opts.min ?? 0)
    .max(opts.max);

/** Free text (descriptions, notes, narratives): new lines and tabs kept. */
export const multiLineText = (opts: { min?: number; max: number }) =>
  textSchema('multi')
    .min(opts.min ?? 0)
    .max(opts.max);
