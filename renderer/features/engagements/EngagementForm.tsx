/**
 * The engagement's fields: who is examined, what kind of report, which period, which categories, who
 * works on it. Used to create an engagement (with a submit button) and to edit one (autosaved by the parent).
 */
import type { ReactNode } from 'react';
import {
  CATEGORY_LABELS,
  criteriaForCategories,
  TRUST_SERVICES_CATEGORIES,
  type TrustServicesCategory,
} from '@shared/domain/criteria';
import {
  ENGAGEMENT_KIND_LABELS,
  ENGAGEMENT_KINDS,
  ENGAGEMENT_PHASE_LABELS,
  WORKING_PHASES,
  engagementWarnings,
  type EngagementInput,
  type EngagementKind,
  type EngagementPhase,
} from '@shared/domain/engagement';
import { MAX_YEAR, MIN_YEAR } from '@shared/domain/records';
import { Field } from '../../components/Field';
import { useProfiles } from '../../app/hooks';
import { routeToHash } from '../../store/route';

interface EngagementFormProps {
  values: EngagementInput;
  errors: Record<string, string>;
  onChange(patch: Partial<EngagementInput>): void;
  /**
   * Create mode asks for the categories and leaves phase, report date and notes for later; edit mode is the
   * reverse (categories are edited on the Scope screen, beside the criteria they bring in).
   */
  mode: 'create' | 'edit';
  disabled?: boolean;
  /** Edit mode: the engagement's id, for the link to Release & lock once the phase is set there. */
  engagementId?: string;
  children?: ReactNode;
}

/** What a date input sends while its text is incomplete or impossible (e.g. 02/30): kept so it can be flagged. */
const INCOMPLETE_DATE = 'incomplete';
const dateValue = (v: string | null | undefined) => (v && v !== INCOMPLETE_DATE ? v : '');
const toDate = (input: HTMLInputElement) =>
  input.value === '' ? (input.validity.badInput ? INCOMPLETE_DATE : null) : input.value;
const DATE_LIMITS = { min: `${MIN_YEAR}-01-01`, max: `${MAX_YEAR}-12-31` };

/**
 * An empty date field that receives an impossible date fires no change event (its value stays ''), so the
 * field is checked again when focus leaves it.
 */
function onDateBlur(
  input: HTMLInputElement,
  current: string | null | undefined,
  set: (v: string | null) => void,
) {
  const next = toDate(input);
  if (next !== (current ?? null)) set(next);
}

export function EngagementForm({
  values,
  errors,
  onChange,
  mode,
  disabled,
  engagementId,
  children,
}: EngagementFormProps) {
  const profiles = useProfiles() ?? [];
  const warnings = engagementWarnings({
    kind: values.kind,
    periodStart: values.periodStart ?? null,
    periodEnd: values.periodEnd ?? null,
  });
  const categories = values.categories;
  const criteriaCount = criteriaForCategories(categories).length;

  function toggleCategory(cat: TrustServicesCategory, on: boolean) {
    const next = on ? [...categories, cat] : categories.filter((c) => c !== cat);
    onChange({ categories: TRUST_SERVICES_CATEGORIES.filter((c) => c === 'security' || next.includes(c)) });
  }

  return (
    <fieldset className="form engagement-form" disabled={disabled}>
      <legend className="visually-hidden">Engagement details</legend>
      <div className="form-row">
        <Field label="Service organization" error={errors.serviceOrganization} required>
          <input
            value={values.serviceOrganization}
            onChange={(e) => onChange({ serviceOrganization: e.target.value })}
            placeholder="e.g. Acme Cloud, Inc."
            autoFocus={mode === 'create'}
          />
        </Field>
        <Field label="System name" error={errors.systemName} required>
          <input
            value={values.systemName}
            onChange={(e) => onChange({ systemName: e.target.value })}
            placeholder="e.g. Acme Payments Platform"
          />
        </Field>
      </div>

      <div className="form-row">
        <Field label="Engagement type" error={errors.kind} required>
          <select value={values.kind} onChange={(e) => onChange({ kind: e.target.value as EngagementKind })}>
            {ENGAGEMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {ENGAGEMENT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        {values.kind === 'soc2-type2' ? (
          <>
            <Field label="Period start" error={errors.periodStart} required>
              <input
                type="date"
                {...DATE_LIMITS}
                value={dateValue(values.periodStart)}
                onChange={(e) => onChange({ periodStart: toDate(e.target) })}
                onBlur={(e) => onDateBlur(e.target, values.periodStart, (v) => onChange({ periodStart: v }))}
              />
            </Field>
            <Field label="Period end" error={errors.periodEnd} required>
              <input
                type="date"
                {...DATE_LIMITS}
                value={dateValue(values.periodEnd)}
                onChange={(e) => onChange({ periodEnd: toDate(e.target) })}
                onBlur={(e) => onDateBlur(e.target, values.periodEnd, (v) => onChange({ periodEnd: v }))}
              />
            </Field>
          </>
        ) : (
          <Field
            label="As-of date"
            error={errors.asOfDate}
            required
            hint={values.kind === 'readiness' ? 'The date of the readiness assessment.' : undefined}
          >
            <input
              type="date"
              {...DATE_LIMITS}
              value={dateValue(values.asOfDate)}
              onChange={(e) => onChange({ asOfDate: toDate(e.target) })}
              onBlur={(e) => onDateBlur(e.target, values.asOfDate, (v) => onChange({ asOfDate: v }))}
            />
          </Field>
        )}
      </div>
      {values.kind === 'readiness' ? (
        <p className="hint-box">
          A readiness assessment is a practice run: it ends in a gap letter to management, not an opinion.
        </p>
      ) : null}
      {warnings.map((w) => (
        <p key={w} className="warning-box" role="status">
          <span aria-hidden="true">! </span>
          {w}
        </p>
      ))}

      {mode === 'create' ? (
        <fieldset className="checkbox-group">
          <legend>Trust services categories in scope</legend>
          {TRUST_SERVICES_CATEGORIES.map((cat) => (
            <label key={cat} className="checkbox">
              <input
                type="checkbox"
                checked={cat === 'security' || categories.includes(cat)}
                disabled={cat === 'security'}
                onChange={(e) => toggleCategory(cat, e.target.checked)}
              />
              {CATEGORY_LABELS[cat]}
              {cat === 'security' ? <span className="muted"> (always in scope)</span> : null}
            </label>
          ))}
          <p className="field-hint" aria-live="polite">
            {criteriaCount} criteria in scope
          </p>
        </fieldset>
      ) : null}

      <div className="form-row">
        <Field label="Firm" error={errors.firm}>
          <input value={values.firm} onChange={(e) => onChange({ firm: e.target.value })} />
        </Field>
        <Field label="Engagement partner" error={errors.engagementPartner}>
          <input
            value={values.engagementPartner}
            onChange={(e) => onChange({ engagementPartner: e.target.value })}
          />
        </Field>
      </div>

      {profiles.length > 0 ? (
        <fieldset className="checkbox-group">
          <legend>Team</legend>
          {profiles.map((p) => (
            <label key={p.id} className="checkbox">
              <input
                type="checkbox"
                checked={values.team.includes(p.id)}
                onChange={(e) =>
                  onChange({
                    team: e.target.checked ? [...values.team, p.id] : values.team.filter((t) => t !== p.id),
                  })
                }
              />
              {p.fullName} <span className="muted">({p.initials})</span>
            </label>
          ))}
        </fieldset>
      ) : null}

      {mode === 'edit' ? (
        <>
          <div className="form-row">
            {WORKING_PHASES.includes(values.phase) ? (
              <Field label="Phase" error={errors.phase}>
                <select
                  value={values.phase}
                  onChange={(e) => onChange({ phase: e.target.value as EngagementPhase })}
                >
                  {/* Released and Locked are reached through Release & lock, not chosen here. */}
                  {WORKING_PHASES.map((p) => (
                    <option key={p} value={p}>
                      {ENGAGEMENT_PHASE_LABELS[p]}
                    </option>
                  ))}
                </select>
              </Field>
            ) : (
              <div>
                <Field label="Phase" error={errors.phase}>
                  <input readOnly value={ENGAGEMENT_PHASE_LABELS[values.phase]} />
                </Field>
                <p className="field-hint">
                  Set by releasing the report and locking the file
                  {engagementId ? (
                    <>
                      {' '}
                      on{' '}
                      <a href={routeToHash({ name: 'engagement', id: engagementId, area: 'finalize' })}>
                        Release &amp; lock
                      </a>
                    </>
                  ) : null}
                  .
                </p>
              </div>
            )}
            <Field label="Report date" error={errors.reportDate}>
              <input
                type="date"
                data-field="report-date"
                {...DATE_LIMITS}
                value={dateValue(values.reportDate)}
                onChange={(e) => onChange({ reportDate: toDate(e.target) })}
                onBlur={(e) => onDateBlur(e.target, values.reportDate, (v) => onChange({ reportDate: v }))}
              />
            </Field>
          </div>
          <Field label="Notes" error={errors.notes}>
            <textarea rows={5} value={values.notes} onChange={(e) => onChange({ notes: e.target.value })} />
          </Field>
        </>
      ) : null}
      {children}
    </fieldset>
  );
}
