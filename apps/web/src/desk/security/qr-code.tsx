/**
 * A QR code drawn inline as SVG from uqr's module matrix. SECURITY: the TOTP secret is inside
 * the URI; it is drawn here, in the page, never sent to a QR service or loaded from elsewhere,
 * and no markup string is injected (each dark module is a path segment).
 */
import { encode } from 'uqr';

const QUIET_ZONE = 4;

export function QrCode(props: { readonly text: string; readonly label: string; readonly testId?: string }) {
  const { data, size } = encode(props.text, { ecc: 'M' });
  const segments: string[] = [];
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) segments.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`);
    }),
  );
  const side = size + 2 * QUIET_ZONE;
  return (
    <svg class="qr-code" role="img" aria-label={props.label} viewBox={`0 0 ${side} ${side}`} width={side * 5} height={side * 5} shape-rendering="crispEdges" data-testid={props.testId}>
      <rect width={side} height={side} fill="#fff" />
      <path d={segments.join('')} fill="#000" />
    </svg>
  );
}
