/**
 * The auditors present at an interview or walkthrough: a checkbox per member of the engagement team, or
 * per local profile while the team is empty. Auditors already ticked stay listed (to untick them) even
 * when they left the team.
 */
import { PROFILE_ROLE_LABELS, type Profile } from '@shared/domain/profile';

interface Props {
  legend?: string;
  value: readonly string[];
  onChange(ids: string[]): void;
  profiles: readonly Profile[];
  team: readonly string[];
  readOnly: boolean;
}

export function AuditorsField({
  legend = 'Auditors present',
  value,
  onChange,
  profiles,
  team,
  readOnly,
}: Props) {
  const teamOnly = team.length > 0;
  const listed = profiles.filter((p) => !teamOnly || team.includes(p.id) || value.includes(p.id));
  const unknown = value.filter((id) => !profiles.some((p) => p.id === id));
  return (
    <fieldset className="checkbox-group inline auditors-field" disabled={readOnly}>
      <legend>{legend}</legend>
      {listed.map((p) => (
        <label key={p.id} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(p.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, p.id] : value.filter((id) => id !== p.id))
            }
          />
          {p.fullName} <span className="muted">({PROFILE_ROLE_LABELS[p.role]})</span>
        </label>
      ))}
      {unknown.map((id) => (
        <label key={id} className="checkbox">
          <input type="checkbox" checked onChange={() => onChange(value.filter((v) => v !== id))} />
          <span className="muted">An auditor not on this computer</span>
        </label>
      ))}
      {teamOnly ? null : (
        <p className="field-hint">
          The engagement has no team yet, so every auditor on this computer is listed. Set the team on the
          Overview.
        </p>
      )}
    </fieldset>
  );
}
