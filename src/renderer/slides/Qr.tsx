import { QRCodeSVG } from 'qrcode.react';
import { Fit } from '../fit/Fit';
import { BreakableUrl } from './url-text';

interface QrProps {
  value: string;
  /** Printed under the code: what it opens. */
  caption?: string | undefined;
  /** The address in text, for people who cannot scan. */
  printed?: string | undefined;
  className?: string;
}

/**
 * Always black on white with the standard quiet zone and high error correction: phones across
 * a dark, smoky room with stage lights on the screen need every bit of contrast and redundancy
 * they can get, whatever the pack's colours are. The code fills the box the slide gives it
 * (the SVG keeps it square and centred), so each layout decides how big it can be.
 */
export function Qr({ value, caption, printed, className }: QrProps) {
  return (
    <figure className={`qr ${className ?? ''}`}>
      <div className="qr-box">
        <QRCodeSVG
          value={value}
          level="H"
          marginSize={4}
          size={512}
          bgColor="#ffffff"
          fgColor="#000000"
          title={caption ?? value}
          className="qr-code"
          data-qr-value={value}
        />
      </div>
      {caption || printed ? (
        <Fit as="figcaption" className="qr-caption" watch={`${caption}|${printed}`}>
          {caption ? <span className="qr-label">{caption}</span> : null}
          {printed ? (
            <span className="qr-url">
              <BreakableUrl address={printed} />
            </span>
          ) : null}
        </Fit>
      ) : null}
    </figure>
  );
}
