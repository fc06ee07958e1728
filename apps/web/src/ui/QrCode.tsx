import { toString as qrSvg } from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A QR code for a link, drawn as SVG: black on white with the standard quiet zone, large enough
 * to read from arm's length. `label` names it for screen readers (the link is shown beside it).
 */
export function QrCode({
  value,
  label,
  className = '',
}: {
  value: string;
  label: string;
  className?: string;
}) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void qrSvg(value, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }).then((markup) => {
      if (current) setSvg(markup);
    });
    return () => {
      current = false;
    };
  }, [value]);
  if (!svg) return null;
  return (
    <img
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={label}
      className={`aspect-square w-full max-w-72 bg-white ${className}`}
    />
  );
}
