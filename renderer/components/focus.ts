/** After a refused submit, take the keyboard to the first field that needs fixing (once it is rendered). */
export function focusFirstInvalid(containerSelector: string): void {
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>(`${containerSelector} [aria-invalid="true"]`)?.focus(),
  );
}
