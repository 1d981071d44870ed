/**
 * Report sections II and III drafted in the app: the system description's DC 200 sections and
 * management's assertion. The section list on the left shows each section's status and length; the
 * editor on the right autosaves. Sections filled from records (N/A criteria, subservice organizations,
 * CUECs) show that content above the narrative.
 */
import { useMemo } from 'react';
import type { Engagement } from '@shared/domain/engagement';
import {
  ASSERTION_KEY,
  sectionsFor,
  SECTION_STATUS_LABELS,
  type Control,
  type Csoc,
  type DescriptionSection,
  type SubserviceOrg,
  type UserEntityControl,
} from '@shared/domain/planning';
import { countWords } from '@shared/formats/markdown';
import { useActor, useEngagementRecords, useScopedCriteria } from '../../app/hooks';
import { StatusBadge, type Tone } from '../../components/StatusBadge';
import { isReadOnly, ReadOnlyBanner } from '../engagements/ReadOnlyBanner';
import { SectionEditor } from './SectionEditor';
import { AssertionEditor } from './AssertionEditor';

export const STATUS_TONE: Record<DescriptionSection['status'], Tone> = {
  'not-started': 'neutral',
  drafting: 'info',
  'ready-for-review': 'info',
  final: 'good',
};

export function DescriptionPage({
  engagement,
  sectionKey,
}: {
  engagement: Engagement;
  sectionKey?: string | undefined;
}) {
  const actor = useActor();
  const sections = useEngagementRecords<DescriptionSection>('descriptionSections', engagement.id);
  const criteria = useScopedCriteria(engagement);
  // Deleted ones too: an edited assertion that still names a deleted vendor is flagged.
  const subserviceOrgs = useEngagementRecords<SubserviceOrg>('subserviceOrgs', engagement.id, true);
  const csocs = useEngagementRecords<Csoc>('csocs', engagement.id);
  const controls = useEngagementRecords<Control>('controls', engagement.id);
  const userEntityControls = useEngagementRecords<UserEntityControl>('userEntityControls', engagement.id);
  const definitions = useMemo(() => sectionsFor(engagement.kind), [engagement.kind]);
  const readOnly = isReadOnly(engagement);

  if (!sections || !criteria || !subserviceOrgs || !csocs || !controls || !userEntityControls) {
    return <p className="page muted">Loading the description…</p>;
  }
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const currentKey =
    sectionKey === ASSERTION_KEY || definitions.some((d) => d.key === sectionKey)
      ? (sectionKey as string)
      : (definitions[0]?.key ?? ASSERTION_KEY);
  const current = definitions.find((d) => d.key === currentKey);
  const final = [...definitions.map((d) => d.key), ASSERTION_KEY].filter(
    (k) => byKey.get(k)?.status === 'final',
  ).length;
  const href = (key: string) => `#/engagements/${engagement.id}/description/${key}`;
  const context = { criteria, subserviceOrgs, csocs, controls, userEntityControls };

  const item = (key: string, title: string, dc: string | null) => {
    const record = byKey.get(key);
    const status = record?.status ?? 'not-started';
    const words = countWords(record?.body ?? '');
    return (
      <li key={key}>
        <a href={href(key)} aria-current={key === currentKey ? 'page' : undefined}>
          <span className="section-link-title">
            {dc ? <span className="muted num">{dc} · </span> : null}
            {title}
          </span>
          <span className="section-link-meta">
            <StatusBadge tone={STATUS_TONE[status]}>{SECTION_STATUS_LABELS[status]}</StatusBadge>
            {words > 0 ? <span className="muted num">{words} words</span> : null}
          </span>
        </a>
      </li>
    );
  };

  return (
    <section className="page page-wide" aria-labelledby="description-title">
      <header className="page-header">
        <h1 id="description-title">System description &amp; assertion</h1>
        <p className="muted num">
          {final} of {definitions.length + 1} sections final
        </p>
      </header>
      <ReadOnlyBanner engagement={engagement} />
      <div className="sections-layout">
        <nav className="section-list" aria-label="Description sections">
          <p className="nav-heading">Section III · Description of the system</p>
          <ul>{definitions.map((d) => item(d.key, d.title, d.dc))}</ul>
          <p className="nav-heading">Section II</p>
          <ul>{item(ASSERTION_KEY, "Management's assertion", null)}</ul>
        </nav>
        {actor ? (
          currentKey === ASSERTION_KEY ? (
            <AssertionEditor
              key={ASSERTION_KEY}
              engagement={engagement}
              record={byKey.get(ASSERTION_KEY) ?? null}
              actor={actor}
              readOnly={readOnly}
              subserviceOrgs={subserviceOrgs}
              hasCuecs={userEntityControls.some((u) => u.kind === 'cuec')}
            />
          ) : current ? (
            <SectionEditor
              key={current.key}
              engagementId={engagement.id}
              definition={current}
              record={byKey.get(current.key) ?? null}
              actor={actor}
              readOnly={readOnly}
              context={context}
            />
          ) : null
        ) : null}
      </div>
    </section>
  );
}
