import { SECTION_STATUSES, SECTION_STATUS_LABELS } from '@shared/domain/planning';
import type { SectionFields } from './commands';

/** The section's status in its header (not started, drafting, ready for review, final). */
export function SectionStatusSelect({
  value,
  readOnly,
  onChange,
}: {
  value: SectionFields['status'];
  readOnly: boolean;
  onChange(status: SectionFields['status']): void;
}) {
  return (
    <label className="inline-field">
      Status
      <select
        value={value}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value as SectionFields['status'])}
      >
        {SECTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {SECTION_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
    </label>
  );
}
