// The one check for every redirect target a visitor supplies (sign-in `next`, a form's `returnTo`…): the
// answer is always a path on this site, never a way to another origin.

/** Any fixed origin will do: only whether the target stays on it matters, never its name. */
const SITE = 'https://site.invalid';
const MAX_LENGTH = 2000;

/**
 * The normalised local path (`/path?query#fragment`) `raw` points to, or `fallback` when it is not one.
 * Dot segments are resolved first (WHATWG URL parser), so `/.//evil.example` or `/a/..//evil.example`,
 * which resolve to `//evil.example`, are refused like `//evil.example` itself. Backslashes and control
 * characters (tabs and newlines, which URL parsers silently drop) are refused outright.
 */
export function redirectTarget(raw: unknown, fallback: string): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  if (!raw.startsWith('/') || raw.includes('\\') || hasControlCharacter(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SITE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // A path that starts with `//` or `/\` is read by browsers as another host.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}

function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
