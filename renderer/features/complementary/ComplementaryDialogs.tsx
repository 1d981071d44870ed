/** Forms for a subservice organization, a CSOC and a user entity control. */
import { useState, type ReactNode } from 'react';
import type { ScopedCriterion } from '@shared/domain/engagement';
import { ValidationError } from '@shared/domain/errors';
import {
  emptySubserviceOrgFields,
  OPINIONS,
  OPINION_LABELS,
  SUBSERVICE_METHODS,
  SUBSERVICE_METHOD_LABELS,
  SUBSERVICE_REPORT_LABELS,
  SUBSERVICE_REPORT_TYPES,
  USER_ENTITY_KINDS,
  USER_ENTITY_KIND_LABELS,
  type Control,
  type Csoc,
  type SubserviceOrg,
  type SubserviceOrgFields,
  type UserEntityControl,
  type UserEntityKind,
} from '@shared/domain/planning';
import { repository, type Actor } from '../../db';
import { ControlChooser } from '../../components/ControlChooser';
import { CriteriaPicker } from '../../components/CriteriaPicker';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../components/ErrorText';
import { Field } from '../../components/Field';
import { saveCsoc, saveSubserviceOrg, saveUserEntityControl } from './commands';

/** The submit/cancel frame shared by the three forms: field errors from the data layer, busy state. */
function FormDialog({
  title,
  submitLabel,
  onClose,
  onSubmit,
  children,
}: {
  title: string;
  submitLabel: string;
  onClose(): void;
  onSubmit(): Promise<unknown>;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={title} onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          onSubmit()
            .then(onClose)
            .catch((error: unknown) =>
              setErrors(error instanceof ValidationError ? error.fields : { _: describeError(error).text }),
            )
            .finally(() => setBusy(false));
        }}
      >
        {children(errors)}
        {errors._ ? (
          <p className="field-error" role="alert">
            {errors._}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function orgFields(o: SubserviceOrg | null): SubserviceOrgFields {
  if (!o) return emptySubserviceOrgFields();
  const {
    name,
    services,
    method,
    reportType,
    reportPeriodStart,
    reportPeriodEnd,
    reportOpinion,
    reportNotes,
    monitoringControlIds,
  } = o;
  return {
    name,
    services,
    method,
    reportType,
    reportPeriodStart,
    reportPeriodEnd,
    reportOpinion,
    reportNotes,
    monitoringControlIds,
  };
}

export function SubserviceOrgDialog({
  engagementId,
  actor,
  existing,
  controls,
  onClose,
}: {
  engagementId: string;
  actor: Actor;
  existing: SubserviceOrg | null;
  controls: readonly Control[];
  onClose(): void;
}) {
  const [f, setF] = useState<SubserviceOrgFields>(() => orgFields(existing));
  const set = (patch: Partial<SubserviceOrgFields>) => setF((prev) => ({ ...prev, ...patch }));
  const hasReport = f.reportType !== 'none';
  return (
    <FormDialog
      title={existing ? `Edit ${existing.name}` : 'New subservice organization'}
      submitLabel={existing ? 'Save' : 'Add'}
      onClose={onClose}
      onSubmit={() =>
        saveSubserviceOrg(repository, actor, engagementId, existing, {
          ...f,
          ...(hasReport ? {} : { reportPeriodStart: null, reportPeriodEnd: null, reportOpinion: null }),
        })
      }
    >
      {(errors) => (
        <>
          <div className="form-row">
            <Field label="Name" required error={errors.name}>
              <input value={f.name} onChange={(e) => set({ name: e.target.value })} />
            </Field>
            <Field
              label="Method"
              hint="Carve-out: their controls are excluded and CSOCs are described. Inclusive: their controls are described and tested."
            >
              <select
                value={f.method}
                onChange={(e) => set({ method: e.target.value as SubserviceOrgFields['method'] })}
              >
                {SUBSERVICE_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {SUBSERVICE_METHOD_LABELS[m]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field label="Services provided" required error={errors.services}>
            <textarea rows={3} value={f.services} onChange={(e) => set({ services: e.target.value })} />
          </Field>
          <div className="form-row">
            <Field label="Their report reviewed" error={errors.reportType}>
              <select
                value={f.reportType}
                onChange={(e) => set({ reportType: e.target.value as SubserviceOrgFields['reportType'] })}
              >
                {SUBSERVICE_REPORT_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {SUBSERVICE_REPORT_LABELS[t]}
                  </option>
                ))}
              </select>
            </Field>
            {hasReport ? (
              <Field label="Opinion" error={errors.reportOpinion}>
                <select
                  value={f.reportOpinion ?? ''}
                  onChange={(e) =>
                    set({ reportOpinion: (e.target.value || null) as SubserviceOrgFields['reportOpinion'] })
                  }
                >
                  <option value="">Not recorded</option>
                  {OPINIONS.map((o) => (
                    <option key={o} value={o}>
                      {OPINION_LABELS[o]}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
          </div>
          {hasReport ? (
            <div className="form-row">
              <Field
                label="Report period from"
                error={errors.reportPeriodStart}
                hint="Leave empty for a Type 1 report."
              >
                <input
                  type="date"
                  value={f.reportPeriodStart ?? ''}
                  onChange={(e) => set({ reportPeriodStart: e.target.value || null })}
                />
              </Field>
              <Field label="Report period to (or as of)" error={errors.reportPeriodEnd}>
                <input
                  type="date"
                  value={f.reportPeriodEnd ?? ''}
                  onChange={(e) => set({ reportPeriodEnd: e.target.value || null })}
                />
              </Field>
            </div>
          ) : null}
          {hasReport ? (
            <Field label="Exceptions and notes from their report" error={errors.reportNotes}>
              <textarea
                rows={2}
                value={f.reportNotes}
                onChange={(e) => set({ reportNotes: e.target.value })}
              />
            </Field>
          ) : null}
          <ControlChooser
            label="Monitoring controls at the service organization"
            controls={controls}
            value={f.monitoringControlIds}
            onChange={(ids) => set({ monitoringControlIds: ids })}
          />
        </>
      )}
    </FormDialog>
  );
}

export function CsocDialog({
  engagementId,
  actor,
  org,
  existing,
  criteria,
  onClose,
}: {
  engagementId: string;
  actor: Actor;
  org: SubserviceOrg;
  existing: Csoc | null;
  criteria: readonly ScopedCriterion[];
  onClose(): void;
}) {
  const [reference, setReference] = useState(existing?.reference ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [mapped, setMapped] = useState<string[]>(existing?.criteria ?? []);
  return (
    <FormDialog
      title={existing ? `Edit CSOC at ${org.name}` : `New CSOC at ${org.name}`}
      submitLabel={existing ? 'Save' : 'Add'}
      onClose={onClose}
      onSubmit={() =>
        saveCsoc(repository, actor, engagementId, existing, {
          subserviceOrgId: org.id,
          reference,
          description,
          criteria: mapped,
        })
      }
    >
      {(errors) => (
        <>
          <Field label="Reference" error={errors.reference} hint="Optional, e.g. CSOC-01.">
            <input value={reference} onChange={(e) => setReference(e.target.value)} />
          </Field>
          <Field label="Control expected at the subservice organization" required error={errors.description}>
            <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
          </Field>
          <CriteriaPicker
            label="Criteria it supports"
            value={mapped}
            onChange={setMapped}
            available={criteria}
            error={errors.criteria}
          />
        </>
      )}
    </FormDialog>
  );
}

export function UserEntityControlDialog({
  engagementId,
  actor,
  existing,
  criteria,
  onClose,
}: {
  engagementId: string;
  actor: Actor;
  existing: UserEntityControl | null;
  criteria: readonly ScopedCriterion[];
  onClose(): void;
}) {
  const [kind, setKind] = useState<UserEntityKind>(existing?.kind ?? 'cuec');
  const [reference, setReference] = useState(existing?.reference ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [mapped, setMapped] = useState<string[]>(existing?.criteria ?? []);
  return (
    <FormDialog
      title={existing ? 'Edit user entity control' : 'New user entity control'}
      submitLabel={existing ? 'Save' : 'Add'}
      onClose={onClose}
      onSubmit={() =>
        saveUserEntityControl(repository, actor, engagementId, existing, {
          kind,
          reference,
          description,
          criteria: kind === 'cuec' ? mapped : [],
        })
      }
    >
      {(errors) => (
        <>
          <fieldset className="radio-group">
            <legend>Kind</legend>
            {USER_ENTITY_KINDS.map((k) => (
              <label key={k} className="radio">
                <input type="radio" name="uec-kind" checked={kind === k} onChange={() => setKind(k)} />
                {USER_ENTITY_KIND_LABELS[k]}
              </label>
            ))}
            <p className="field-hint">
              A CUEC is a control the service organization&apos;s controls depend on to meet the criteria. A
              user entity responsibility is something customers do to benefit from the service, without which
              the criteria are still met. Calling a responsibility a CUEC misstates the description.
            </p>
          </fieldset>
          <Field label="Reference" error={errors.reference} hint="Optional, e.g. CUEC-01.">
            <input value={reference} onChange={(e) => setReference(e.target.value)} />
          </Field>
          <Field label="What the user entity is expected to do" required error={errors.description}>
            <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
          </Field>
          {kind === 'cuec' ? (
            <CriteriaPicker
              label="Criteria it supports"
              value={mapped}
              onChange={setMapped}
              available={criteria}
              error={errors.criteria}
            />
          ) : null}
        </>
      )}
    </FormDialog>
  );
}
