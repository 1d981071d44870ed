import type { EngagementPhase } from '@shared/domain/engagement';
import type { Tone } from '../../components/StatusBadge';

/** Grey before work starts, blue while it runs, green when completed. */
export function phaseTone(phase: EngagementPhase): Tone {
  if (phase === 'planning') return 'neutral';
  if (phase === 'completed') return 'good';
  return 'info';
}
