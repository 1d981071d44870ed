/** Status colour always comes with a word (colour-blind auditors exist): green / amber / red / grey. */
import type { ReactNode } from 'react';

export type Tone = 'good' | 'warn' | 'bad' | 'neutral' | 'info';

export function StatusBadge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  // Good, warning and bad carry a symbol as well as a colour; neutral and informational states need only the word.
  const icon = { good: '✓', warn: '!', bad: '✕', neutral: null, info: null }[tone];
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {icon ? <span aria-hidden="true">{icon}</span> : null}
      {children}
    </span>
  );
}
