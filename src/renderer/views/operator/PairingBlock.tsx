import { QRCodeSVG } from 'qrcode.react';
import type { ReactNode } from 'react';

/**
 * Where a phone or a screen joins: the address as a QR code and as text, what to do with it
 * first, and (`children`) what comes after.
 */
export function PairingBlock({
  url,
  qrSize,
  urlTestId,
  howTo,
  children,
}: {
  url: string;
  qrSize: number;
  urlTestId: string;
  howTo: string;
  children?: ReactNode;
}) {
  return (
    <div className="op-pairing">
      <div className="op-qr">
        <QRCodeSVG value={url} size={qrSize} marginSize={2} level="M" />
      </div>
      <div className="op-pairing-text">
        <p className="op-muted">{howTo}</p>
        <p className="op-url" data-testid={urlTestId} translate="no">
          {url}
        </p>
        {children}
      </div>
    </div>
  );
}
