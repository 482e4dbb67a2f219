/** A door with an arrow leaving it: decorative, the button's text says what it does. */
export function ExitIcon() {
  return (
    <svg class="quick-exit__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d="M13 3H5v18h8" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linejoin="round" />
      <path d="M10 12h11m-4-4 4 4-4 4" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
