/** After a refused submit, take the keyboard to the first field that needs fixing (once it is rendered). */
export function focusFirstInvalid(containerSelector: string): void {
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>(`${containerSelector} [aria-invalid="true"]`)?.focus(),
  );
}

/**
 * Focuses the first element matching one of `selectors` as soon as it exists (screens update from the
 * database a few frames after a change), trying for about half a second. `selectText` selects an input's
 * text so typing replaces it.
 */
export function focusWhenReady(selectors: readonly string[], selectText = false, attempts = 30): void {
  const el = selectors.map((s) => document.querySelector<HTMLElement>(s)).find((e) => e !== null);
  if (el) {
    el.focus();
    if (selectText && el instanceof HTMLInputElement) el.select();
    return;
  }
  if (attempts > 0) requestAnimationFrame(() => focusWhenReady(selectors, selectText, attempts - 1));
}
