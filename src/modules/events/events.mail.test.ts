// The ticket mail's QR code: a grayscale PNG ("Up" filter on every row) that draws exactly the code's modules,
// smaller than the default RGBA rendering.
import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { ticketQrDataUrl } from './events.mail.server.ts';

/** Decodes an 8-bit grayscale PNG whose rows all use filter 0 or 2 (None, Up): its width and pixels. */
function decodeGray(png: Buffer): { width: number; height: number; colorType: number; pixels: Uint8Array } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const colorType = png[25] ?? -1;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)];
    if (filter !== 0 && filter !== 2) throw new Error(`row ${y}: filter ${filter}`);
    for (let x = 0; x < width; x++) {
      const value = raw[y * (width + 1) + 1 + x] ?? 0;
      const above = y > 0 && filter === 2 ? (pixels[(y - 1) * width + x] ?? 0) : 0;
      pixels[y * width + x] = (value + above) & 0xff;
    }
  }
  return { width, height, colorType, pixels };
}

describe('ticketQrDataUrl', () => {
  it('draws every module of the code, in fewer bytes than the default rendering', async () => {
    const url = 'https://suotdoi.example.vn/su-kien/ve/ABCD-EFGH-JKLM';
    const ours = await ticketQrDataUrl(url);
    const reference = await QRCode.toDataURL(url, { margin: 2, width: 240 });
    expect(ours.startsWith('data:image/png;base64,')).toBe(true);
    expect(ours.length).toBeLessThan(reference.length);
    const png = decodeGray(Buffer.from(ours.slice('data:image/png;base64,'.length), 'base64'));
    expect([png.width, png.height, png.colorType]).toEqual([240, 240, 0]);
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const scale = 240 / (modules.size + 4);
    let checked = 0;
    for (let r = 0; r < modules.size; r++) {
      for (let c = 0; c < modules.size; c++) {
        const y = Math.floor((2 + r + 0.5) * scale);
        const x = Math.floor((2 + c + 0.5) * scale);
        expect(png.pixels[y * 240 + x]).toBe(modules.get(r, c) ? 0 : 255);
        checked++;
      }
    }
    expect(checked).toBe(modules.size ** 2);
    // The quiet zone is white.
    expect(png.pixels[0]).toBe(255);
  });
});
