/**
 * Report & exports: the auditor's choices for the SOC 2 report (opinion with the roll-up's suggestion,
 * the basis for a modified opinion, addressee, city, the order of section IV, section V) and the firm's
 * wording of its paragraphs, what the report still lacks, and the two exports (the report PDF and the
 * evidence workbook). A readiness assessment exports its letter instead and has no opinion.
 */
import { useMemo } from 'react';
import { reportSettingsSchema, type Engagement, type ReportSettings } from '@shared/domain/engagement';
import { reportReadiness, suggestOpinion } from '@shared/exports/report';
import { useLiveQuery } from 'dexie-react-hooks';
import { db, repository } from '../../db';
import { loadSnapshot } from '../../db/snapshot';
import { useActor } from '../../app/hooks';
import { useRecordAutosave } from '../../app/autosave/useRecordAutosave';
import { SaveStatus } from '../../components/SaveStatus';
import { ReadOnlyBanner, isReadOnly } from '../engagements/ReadOnlyBanner';
import { WorkpaperHeader } from '../review/WorkpaperHeader';
import { saveReportSettings } from './commands';
import { ExportSection } from './ExportSection';
import { OpinionSection } from './OpinionSection';
import { ReportChecks } from './ReportChecks';
import { ReportDetailsSection } from './ReportDetailsSection';
import { TemplatesSection } from './TemplatesSection';

const settingsOf = (e: Engagement): ReportSettings => e.report;

export function ReportPage({ engagement }: { engagement: Engagement }) {
  const actor = useActor();
  // The records as they are now (the suggestion and the checks need no sign-off hashes).
  const snapshot = useLiveQuery(() => loadSnapshot(db, engagement.id), [engagement.id]);
  const readOnly = isReadOnly(engagement) || !actor;
  const readiness = engagement.kind === 'readiness';
  const { draft, errors, state, change, flush } = useRecordAutosave<Engagement, ReportSettings>({
    record: engagement,
    fields: settingsOf,
    schema: reportSettingsSchema,
    save: (current, patch) => {
      if (!actor) throw new Error('Choose a profile first.');
      return saveReportSettings(repository, actor, current, patch);
    },
    draftKey: `report.${engagement.id}.${actor?.id ?? 'nobody'}`,
    readOnly,
  });
  // The checks and the suggestion read the settings as typed, so they follow the auditor at once.
  const current = useMemo(
    () => (snapshot ? { ...snapshot, engagement: { ...snapshot.engagement, report: draft } } : undefined),
    [snapshot, draft],
  );
  const suggestion = useMemo(
    () => (current && !readiness ? suggestOpinion(current) : undefined),
    [current, readiness],
  );
  const checks = useMemo(() => (current ? reportReadiness(current) : undefined), [current]);

  return (
    <section
      className="page report-page"
      aria-labelledby="report-title"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void flush(); // a DOM node
      }}
    >
      <header className="page-header">
        <h1 id="report-title">{readiness ? 'Readiness letter & exports' : 'Report & exports'}</h1>
        <SaveStatus state={state} />
      </header>
      {engagement.archived ? <ReadOnlyBanner engagement={engagement} /> : null}
      <ReportChecks engagement={engagement} checks={checks} />
      {readiness ? null : (
        <OpinionSection
          draft={draft}
          errors={errors}
          suggestion={suggestion}
          readOnly={readOnly}
          onChange={change}
        />
      )}
      <ReportDetailsSection
        engagement={engagement}
        draft={draft}
        errors={errors}
        readOnly={readOnly}
        onChange={change}
      />
      <ExportSection engagement={engagement} checks={checks} saveEdits={flush} />
      <section className="report-section" aria-labelledby="report-draft-wp-title">
        <h2 id="report-draft-wp-title">{readiness ? 'Letter draft sign-offs' : 'Report draft sign-offs'}</h2>
        <p className="muted">
          {readiness
            ? 'The letter’s wording and the engagement facts it states form the report draft workpaper.'
            : 'The opinion, its wording and the results as the report states them form the report draft workpaper.'}{' '}
          Any change here makes its sign-offs stale.
        </p>
        <WorkpaperHeader engagementId={engagement.id} workpaper="report-draft" />
      </section>
      {current ? (
        <TemplatesSection snapshot={current} draft={draft} readOnly={readOnly} onChange={change} />
      ) : null}
    </section>
  );
}
