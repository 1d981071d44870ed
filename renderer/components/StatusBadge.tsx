/** Status colour always comes with a word (colour-blind auditors exist): green / amber / red / grey. */
import type { ReactNode } from 'react';

export type Tone = 'good' | 'warn' | 'bad' | 'neutral' | 'info';

export function StatusBadge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  const icon = { good: '✓', warn: '!', bad: '✕', neutral: '–', info: '•' }[tone];
  return (
    <span className={`badge badge-${tone}`} title={title}>
      <span aria-hidden="true">{icon}</span> {children}
    </span>
  );
}
