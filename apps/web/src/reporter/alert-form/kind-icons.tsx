/**
 * A small picture beside each kind of wrongdoing, for people who read little. Inline SVG in
 * the bundle (no image is fetched), drawn with the text colour; decorative (aria-hidden)
 * because the label beside it says the same in words.
 */
import type { ComponentChildren } from 'preact';
import type { WrongdoingKind } from '@kenekanko/contracts';
import { assertNever } from '../../shared/assert-never.ts';

function Icon(props: { readonly kind: WrongdoingKind; readonly children: ComponentChildren }) {
  return (
    <svg
      class="kind-icon"
      data-kind={props.kind}
      viewBox="0 0 24 24"
      width="32"
      height="32"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {props.children}
    </svg>
  );
}

/** The drawing for each kind; the switch makes a new kind fail to compile until it has one. */
function shapes(kind: WrongdoingKind) {
  switch (kind) {
    case 'bribery': // a banknote handed over
      return (
        <>
          <rect x="2" y="4" width="20" height="10" rx="1.5" />
          <circle cx="12" cy="9" r="2" />
          <path d="M4 19h15m-3-3 3 3-3 3" />
        </>
      );
    case 'embezzlement': // a money bag carried away
      return (
        <>
          <path d="M9 3h5l-1.5 3h-2z" />
          <path d="M8.5 7.5C4 10 3.5 20 11.5 20S19 10 14.5 7.5z" />
          <path d="M17 16h5m-2-2 2 2-2 2" />
        </>
      );
    case 'illicit-enrichment': // coins piling up
      return (
        <>
          <rect x="3" y="17" width="12" height="4" rx="2" />
          <rect x="3" y="12" width="12" height="4" rx="2" />
          <rect x="3" y="7" width="12" height="4" rx="2" />
          <path d="M19 20V5m-3 3 3-3 3 3" />
        </>
      );
    case 'procurement-fraud': // a contract with a forged signature
      return (
        <>
          <path d="M6 2h9l5 5v15H6z" />
          <path d="M15 2v5h5M9 10h6M9 13h6" />
          <path d="M8.5 18c1-2 2 2 3 0s2 2 3 0" />
        </>
      );
    case 'favouritism': // one person put ahead of another
      return (
        <>
          <circle cx="8" cy="7" r="3" />
          <path d="M2 21c0-4 3-6.5 6-6.5s6 2.5 6 6.5" />
          <circle cx="17.5" cy="10" r="2.5" />
          <path d="M14.5 21c.3-3 1.5-5 3-5s3 2 3.5 5" />
        </>
      );
    case 'extortion': // a hand grabbing a coin
      return (
        <>
          <circle cx="12" cy="6" r="4" />
          <path d="M3 13c2 0 3 1 4 3h10c1-2 2-3 4-3" />
          <path d="M7 16v5h10v-5" />
        </>
      );
    case 'abuse-of-power': // weight pressing down on a person
      return (
        <>
          <path d="M4 3h16M8 3v4m8-4v4M6 8l2 2 2-2m4 0 2 2 2-2" />
          <circle cx="12" cy="15" r="2" />
          <path d="M8 22c0-3 2-4.5 4-4.5s4 1.5 4 4.5" />
        </>
      );
    case 'human-rights': // a person under a shield
      return (
        <>
          <path d="M12 2l8 3v6c0 5-3.5 9-8 11-4.5-2-8-6-8-11V5z" />
          <circle cx="12" cy="9" r="2" />
          <path d="M8.5 16c.5-2 2-3 3.5-3s3 1 3.5 3" />
        </>
      );
    case 'other': // something else
      return (
        <>
          <circle cx="12" cy="12" r="9" />
          <path d="M8 12h.01M12 12h.01M16 12h.01" stroke-width="3" />
        </>
      );
    default:
      return assertNever(kind);
  }
}

export function KindIcon(props: { readonly kind: WrongdoingKind }) {
  return <Icon kind={props.kind}>{shapes(props.kind)}</Icon>;
}
