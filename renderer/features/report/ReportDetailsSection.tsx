/** Who the report is addressed to, where it is signed, its date, and how sections IV and V are laid out. */
import {
  formatDate,
  SECTION4_ORDER_LABELS,
  SECTION4_ORDERS,
  type Engagement,
  type ReportSettings,
} from '@shared/domain/engagement';
import { Field } from '../../components/Field';
import { routeToHash } from '../../store/route';

export function ReportDetailsSection({
  engagement,
  draft,
  errors,
  readOnly,
  onChange,
}: {
  engagement: Engagement;
  draft: ReportSettings;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange(patch: Partial<ReportSettings>): void;
}) {
  const letter = engagement.kind === 'readiness';
  const details = routeToHash({ name: 'engagement', id: engagement.id, area: 'overview' });
  return (
    <section className="report-section" aria-labelledby="report-details-title">
      <h2 id="report-details-title">{letter ? 'Letter details' : 'Report details'}</h2>
      <div className="form-grid">
        <Field
          label="Addressed to"
          hint={`Leave empty to use the addressee line of the wording below (by default “To the Management of ${engagement.serviceOrganization}:”).`}
          error={errors.addressee}
        >
          <input
            value={draft.addressee}
            readOnly={readOnly}
            onChange={(event) => onChange({ addressee: event.target.value })}
          />
        </Field>
        <Field
          label={`City where the ${letter ? 'letter' : 'report'} is signed`}
          hint="Printed under the firm's name, e.g. Denver, Colorado."
          error={errors.city}
        >
          <input
            value={draft.city}
            readOnly={readOnly}
            onChange={(event) => onChange({ city: event.target.value })}
          />
        </Field>
      </div>
      <p className="muted">
        {letter ? 'Letter date' : 'Report date'}:{' '}
        {engagement.reportDate ? formatDate(engagement.reportDate) : 'not set'} (set it as the report date in
        the <a href={details}>engagement details</a>). Firm: {engagement.firm || 'not set'}.
      </p>
      {letter ? null : (
        <>
          <fieldset className="radio-group" disabled={readOnly}>
            <legend>Section IV order</legend>
            {SECTION4_ORDERS.map((order) => (
              <label key={order} className="radio">
                <input
                  type="radio"
                  name="section4Order"
                  value={order}
                  checked={draft.section4Order === order}
                  onChange={() => onChange({ section4Order: order })}
                />{' '}
                {SECTION4_ORDER_LABELS[order]}
              </label>
            ))}
          </fieldset>
          <label className="checkbox-label">
            <input
              type="checkbox"
              checked={draft.includeSection5}
              disabled={readOnly}
              onChange={(event) => onChange({ includeSection5: event.target.checked })}
            />{' '}
            Include section V with management’s responses to exceptions (not covered by the opinion)
          </label>
        </>
      )}
    </section>
  );
}
