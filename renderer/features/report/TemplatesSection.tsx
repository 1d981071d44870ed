/**
 * The firm's wording of the report's paragraphs. Each paragraph ships with default wording; an edited one
 * is stored on the engagement (so it travels with it and is covered by the report draft's sign-offs) and
 * can be restored to the default. Placeholders in braces are filled when the report is built.
 */
import type { ReportSettings } from '@shared/domain/engagement';
import type { EngagementSnapshot } from '@shared/domain/snapshot';
import { REPORT_TEMPLATES, fillTemplate, templateContextOf, templateValues } from '@shared/exports/report';
import { useMemo, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { StatusBadge } from '../../components/StatusBadge';

export function TemplatesSection({
  snapshot,
  draft,
  readOnly,
  onChange,
}: {
  snapshot: EngagementSnapshot;
  draft: ReportSettings;
  readOnly: boolean;
  onChange(patch: Partial<ReportSettings>): void;
}) {
  const values = useMemo(() => templateValues(snapshot), [snapshot]);
  const [restoring, setRestoring] = useState<{ key: string; title: string } | null>(null);
  const letter = snapshot.engagement.kind === 'readiness';
  // Only the paragraphs this engagement's report prints (Type 1 or 2, carve-out, CUECs, opinion…).
  const context = useMemo(() => templateContextOf(snapshot), [snapshot]);
  const templates = REPORT_TEMPLATES.filter((t) => t.appliesTo?.(context) ?? true);
  const edited = templates.filter((t) => draft.templates[t.key] !== undefined).length;
  // Only the placeholders the paragraphs shown here use (a letter has no opinion or tests to name).
  const placeholders = Object.keys(values)
    .filter((k) => templates.some((t) => t.defaultText.includes(`{${k}}`)))
    .map((k) => `{${k}}`)
    .join(' ');
  return (
    <section className="report-section" aria-labelledby="templates-title">
      <div className="section-head">
        <h2 id="templates-title">Wording of the {letter ? 'letter' : 'report'}</h2>
        {edited > 0 ? (
          <StatusBadge tone="info">
            {edited} paragraph{edited === 1 ? '' : 's'} in the firm’s own wording
          </StatusBadge>
        ) : null}
      </div>
      <p className="muted">
        Each paragraph starts from Fieldwork’s default wording. Edit it to the firm’s wording for this
        engagement; placeholders are filled from the engagement when the {letter ? 'letter' : 'report'} is
        built: {placeholders}.
      </p>
      {templates.map((t) => {
        const own = draft.templates[t.key];
        const text = own ?? t.defaultText;
        return (
          <details key={t.key} className="template-item">
            <summary>
              {t.title}
              {own !== undefined ? (
                <>
                  {' '}
                  <StatusBadge tone="info">Edited</StatusBadge>
                </>
              ) : null}
            </summary>
            {t.help ? <p className="muted">{t.help}</p> : null}
            <label className="template-label">
              <span className="visually-hidden">{t.title}</span>
              <textarea
                rows={Math.min(14, Math.max(4, Math.ceil(text.length / 90) + 1))}
                value={text}
                readOnly={readOnly}
                onChange={(event) =>
                  onChange({ templates: { ...draft.templates, [t.key]: event.target.value } })
                }
              />
            </label>
            <details className="template-preview">
              <summary>As it will read</summary>
              <p className="template-filled">{fillTemplate(text, values)}</p>
            </details>
            {own !== undefined && !readOnly ? (
              <button type="button" onClick={() => setRestoring({ key: t.key, title: t.title })}>
                Restore the default wording…
              </button>
            ) : null}
          </details>
        );
      })}
      {restoring ? (
        <ConfirmDialog
          title={`Restore the default wording of “${restoring.title}”?`}
          confirmLabel="Restore the default"
          onCancel={() => setRestoring(null)}
          onConfirm={() => {
            const { [restoring.key]: _removed, ...rest } = draft.templates;
            onChange({ templates: rest });
            setRestoring(null);
          }}
        >
          <p>
            The firm’s wording of this paragraph is replaced by Fieldwork’s default. The replaced text stays
            in the engagement’s audit trail.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
