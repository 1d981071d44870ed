/** Who should answer a note: the engagement team first, then the other profiles on this laptop. */
import type { SelectHTMLAttributes } from 'react';
import type { Engagement } from '@shared/domain/engagement';
import { orderProfiles } from './noteView';
import { useProfileMap } from './useNotesData';

interface Props extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  engagement: Pick<Engagement, 'team'>;
  /** A profile id, or '' for nobody. */
  value: string;
  onChange(id: string): void;
}

export function AssigneeSelect({ engagement, value, onChange, ...rest }: Props) {
  const { profiles, byId } = useProfileMap();
  const { team, others } = orderProfiles(profiles ?? [], engagement.team);
  const label = (p: { fullName: string; initials: string }) => `${p.fullName} (${p.initials})`;
  // A profile removed from this laptop (or from another one) stays shown while it is the value.
  const listed = value === '' || [...team, ...others].some((p) => p.id === value);
  const missing = byId.get(value);
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Nobody named</option>
      {team.length > 0 ? (
        <optgroup label="Engagement team">
          {team.map((p) => (
            <option key={p.id} value={p.id}>
              {label(p)}
            </option>
          ))}
        </optgroup>
      ) : null}
      {others.length > 0 ? (
        <optgroup label={team.length > 0 ? 'Other profiles' : 'Profiles on this computer'}>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {label(p)}
            </option>
          ))}
        </optgroup>
      ) : null}
      {listed ? null : (
        <option value={value}>{missing ? label(missing) : 'A profile not on this computer'}</option>
      )}
    </select>
  );
}
