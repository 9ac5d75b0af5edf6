// A QR code drawn here, in the browser, from the otpauth:// address: the secret never goes to a
// QR service. uqr encodes; this draws the dark modules as one SVG path. Loaded lazily, only by
// the authenticator-app setup, so the encoder stays out of the console's first load.
import { encode } from "uqr";

/** The QR code of `value` as an image; `label` is its accessible name. */
export default function QrCode(props: { value: string; label: string; describedBy?: string }) {
  const qr = () => encode(props.value, { ecc: "M", border: 4 });
  const path = () => {
    const { data } = qr();
    let d = "";
    data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      }),
    );
    return d;
  };
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={props.label}
      aria-describedby={props.describedBy}
      viewBox={`0 0 ${qr().size} ${qr().size}`}
      shape-rendering="crispEdges"
    >
      <rect width="100%" height="100%" fill="#fff" />
      <path d={path()} fill="#000" />
    </svg>
  );
}
