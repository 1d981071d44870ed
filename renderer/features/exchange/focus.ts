/**
 * Keeps keyboard focus inside the import dialog as its steps replace each other: the element that opens a
 * step (a heading, the progress, the error) takes focus when it appears, so focus never falls to the page.
 */

/** A callback ref: focuses the element when it is mounted (give it tabIndex -1 unless it is a control). */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}
