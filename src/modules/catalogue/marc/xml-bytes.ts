// Byte-exact positions for a text parser fed in chunks: bytes → UTF-8 text pieces that never split a
// character (whatever the chunk boundaries), and a map from the parser's string positions back to file byte
// offsets that keeps only the recent text (constant memory).

export interface TextPiece {
  text: string;
  /** File offset of the piece's first byte. */
  byte: number;
}

export interface ByteDamage {
  why: string;
  byte: number;
}

const BOM = [0xef, 0xbb, 0xbf];

/** Bytes of an incomplete UTF-8 sequence at the end of `b` (0 when it ends on a character boundary). */
function incompleteTail(b: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const x = b[b.length - k] as number;
    if ((x & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : x >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

/** Strict UTF-8 decoding of a byte stream into pieces with their file offsets. */
export class Utf8Chunks {
  private carry: Uint8Array = new Uint8Array(0);
  private offset: number;
  skipBom: boolean;

  constructor(startOffset: number) {
    this.offset = startOffset;
    this.skipBom = startOffset === 0;
  }

  push(chunk: Uint8Array): { pieces: TextPiece[]; error?: ByteDamage } {
    let bytes = chunk;
    if (this.carry.length) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry, 0);
      bytes.set(chunk, this.carry.length);
    }
    let start = this.offset;
    if (this.skipBom) {
      if (bytes.length < 3 && BOM.slice(0, bytes.length).every((b, i) => bytes[i] === b)) {
        this.carry = bytes;
        return { pieces: [] };
      }
      this.skipBom = false;
      if (BOM.every((b, i) => bytes[i] === b)) {
        bytes = bytes.subarray(3);
        start += 3;
      }
    }
    const keep = incompleteTail(bytes);
    const whole = bytes.subarray(0, bytes.length - keep);
    this.carry = bytes.slice(bytes.length - keep);
    this.offset = start + whole.length;
    try {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(whole);
      return { pieces: text ? [{ text, byte: start }] : [] };
    } catch {
      // Find the first bad byte: the longest prefix a strict decoder still accepts.
      let lo = 0;
      let hi = whole.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (decodes(whole.subarray(0, mid))) lo = mid;
        else hi = mid - 1;
      }
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(whole.subarray(0, lo), {
        stream: true,
      });
      return {
        pieces: text ? [{ text, byte: start }] : [],
        error: { why: 'invalid UTF-8', byte: start + lo },
      };
    }
  }

  /** End of input: an unfinished character means the file was cut inside it. */
  end(): ByteDamage | undefined {
    if (this.carry.length === 0 || (this.skipBom && this.carry.length < 3)) return undefined;
    return { why: 'the file ends inside a UTF-8 character (truncated?)', byte: this.offset };
  }
}

function decodes(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b, { stream: true });
    return true;
  } catch {
    return false;
  }
}

interface Segment {
  at: number; // parser position of text[0]
  byte: number; // file offset of text[0]
  text: string;
}

/** Parser string positions → file byte offsets, over the pieces fed to the parser in order. */
export class ByteMap {
  private segs: Segment[] = [];
  private cursor = { seg: -1, index: 0, byte: 0 };
  /** Characters (UTF-16 code units) fed so far. */
  fed = 0;

  push(text: string, byte: number): void {
    this.segs.push({ at: this.fed, byte, text });
    this.fed += text.length;
  }

  private find(pos: number): number {
    for (let i = 0; i < this.segs.length; i++) {
      const s = this.segs[i] as Segment;
      if (pos < s.at + s.text.length || i === this.segs.length - 1) return i;
    }
    return -1;
  }

  /** Byte offset of the character at parser position `pos` (or just past the end of input). */
  byteAt(pos: number): number {
    const i = this.find(pos);
    const s = this.segs[i];
    if (!s) return 0;
    const index = Math.max(0, Math.min(pos - s.at, s.text.length));
    const c = this.cursor;
    if (c.seg !== i || c.index > index) {
      c.seg = i;
      c.index = 0;
      c.byte = s.byte;
    }
    c.byte += Buffer.byteLength(s.text.slice(c.index, index));
    c.index = index;
    return c.byte;
  }

  charAt(pos: number): string {
    const s = this.segs[this.find(pos)];
    return s ? (s.text[pos - s.at] ?? '') : '';
  }

  /** Drops text wholly before parser position `pos` (no later query will look there). */
  forget(pos: number): void {
    let n = 0;
    while (n < this.segs.length - 1) {
      const s = this.segs[n] as Segment;
      if (s.at + s.text.length > pos) break;
      n++;
    }
    if (n === 0) return;
    this.segs.splice(0, n);
    this.cursor.seg -= n;
    if (this.cursor.seg < 0) this.cursor = { seg: -1, index: 0, byte: 0 };
  }
}
