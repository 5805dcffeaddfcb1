import { QRCodeSVG } from 'qrcode.react';

interface QrProps {
  value: string;
  /** Printed under the code, for people who cannot scan. */
  caption?: string | undefined;
  className?: string;
}

/**
 * Always black on white with the standard quiet zone and high error correction: phones across
 * a dark, smoky room with stage lights on the screen need every bit of contrast and redundancy
 * they can get, whatever the pack's colours are.
 */
export function Qr({ value, caption, className }: QrProps) {
  return (
    <figure className={`qr ${className ?? ''}`}>
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
      {caption ? <figcaption className="qr-caption">{caption}</figcaption> : null}
    </figure>
  );
}
