// A library card: number, Code 128 and QR (SVG rendered on the server by bwip-js and qrcode, shown as images).
import { useT } from '../../i18n.ts';

const svgSrc = (svg: string) => `data:image/svg+xml;base64,${btoa(svg)}`;

export function LibraryCard(p: { name: string; cardNumber: string; code128: string; qr: string }) {
  const t = useT();
  return (
    <figure className="library-card">
      <figcaption>
        <strong>{p.name}</strong>
        <br />
        {t('circulation.reader.cardNumber')}: <span className="card-number">{p.cardNumber}</span>
      </figcaption>
      <img className="card-code128" src={svgSrc(p.code128)} alt={`Code 128: ${p.cardNumber}`} width={240} />
      <img className="card-qr" src={svgSrc(p.qr)} alt={`QR: ${p.cardNumber}`} width={120} height={120} />
    </figure>
  );
}
