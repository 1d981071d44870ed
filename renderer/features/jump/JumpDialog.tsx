/**
 * Ctrl+K: jump to an engagement, an area of the open engagement, one of its criteria, controls or requests by typing a few
 * letters. Arrow keys move, Enter goes, Esc closes.
 */
import { formatNoteNumber, REVIEW_NOTE_STATUS_LABELS, type ReviewNote } from '@shared/domain/review';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  currentVersion,
  formatExceptionNumber,
  type ControlException,
  type ControlTest,
  type Evidence,
  type Interview,
  type Walkthrough,
} from '@shared/domain/fieldwork';
import { criteriaForCategories } from '@shared/domain/criteria';
import { Dialog } from '../../components/Dialog';
import { db } from '../../db';
import { engagementRecords, listEngagements } from '../../db/queries';
import { formatRequestNumber, type Control, type Request, type SubserviceOrg } from '@shared/domain/planning';
import { useAppStore } from '../../store';
import { AREA_LABELS, ENGAGEMENT_AREAS, type EngagementArea, type Route } from '../../store/route';

interface Target {
  key: string;
  label: string;
  detail: string;
  route: Route;
  /** Also matched, not shown (an evidence file's SHA-256). */
  hidden?: string;
}

const MAX_RESULTS = 50;

/** Explains an empty result, e.g. a criterion ID typed outside an engagement or out of its scope. */
function noMatchHint(query: string, inEngagement: boolean): string {
  const looksLikeCriterion = /^(cc|a|c|pi|p)\d/i.test(query.trim());
  if (looksLikeCriterion && !inEngagement) return 'Open an engagement first to jump to its criteria.';
  if (looksLikeCriterion) return `“${query.trim()}” is not among this engagement's criteria in scope.`;
  return `Nothing matches “${query}”.`;
}

export function JumpDialog() {
  const closeDialog = useAppStore((s) => s.closeDialog);
  const navigate = useAppStore((s) => s.navigate);
  const route = useAppStore((s) => s.route);
  const engagements = useLiveQuery(() => listEngagements(db), []);
  const currentId = route.name === 'engagement' ? route.id : null;
  const controls = useLiveQuery(
    async () => (currentId ? await engagementRecords<Control>(db, 'controls', currentId) : []),
    [currentId],
  );
  const vendors = useLiveQuery(
    async () => (currentId ? await engagementRecords<SubserviceOrg>(db, 'subserviceOrgs', currentId) : []),
    [currentId],
  );
  const requests = useLiveQuery(
    async () => (currentId ? await engagementRecords<Request>(db, 'requests', currentId) : []),
    [currentId],
  );
  // Fieldwork records: tests, interviews, walkthroughs, exceptions and evidence, one read for all.
  const fieldwork = useLiveQuery(async () => {
    if (!currentId) return null;
    const [tests, interviews, walkthroughs, exceptions, evidence, notes] = await Promise.all([
      engagementRecords<ControlTest>(db, 'tests', currentId),
      engagementRecords<Interview>(db, 'interviews', currentId),
      engagementRecords<Walkthrough>(db, 'walkthroughs', currentId),
      engagementRecords<ControlException>(db, 'exceptions', currentId),
      engagementRecords<Evidence>(db, 'evidence', currentId),
      engagementRecords<ReviewNote>(db, 'reviewNotes', currentId),
    ]);
    return { tests, interviews, walkthroughs, exceptions, evidence, notes };
  }, [currentId]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  const targets = useMemo<Target[]>(() => {
    const list: Target[] = [];
    const current = route.name === 'engagement' ? engagements?.find((e) => e.id === route.id) : undefined;
    if (current) {
      const at = (area: EngagementArea, item?: string): Route => ({
        name: 'engagement',
        id: current.id,
        area,
        ...(item ? { item } : {}),
      });
      for (const area of ENGAGEMENT_AREAS) {
        list.push({
          key: area,
          label: AREA_LABELS[area],
          detail: current.serviceOrganization,
          route: at(area),
        });
      }
      for (const c of controls ?? []) {
        list.push({
          key: `control:${c.id}`,
          label: `${c.reference} ${c.title || c.description.slice(0, 80)}`,
          detail: 'Control',
          route: at('controls', c.id),
        });
      }
      for (const o of vendors ?? []) {
        list.push({
          key: `vendor:${o.id}`,
          label: o.name,
          detail: 'Subservice organization',
          route: at('complementary'),
        });
      }
      for (const r of requests ?? []) {
        list.push({
          key: `request:${r.id}`,
          label: `${formatRequestNumber(r.number)} ${r.title}`,
          detail: 'Request',
          route: at('requests', r.id),
        });
      }
      for (const t of fieldwork?.tests ?? []) {
        list.push({
          key: `test:${t.id}`,
          label: `${t.reference} ${t.objective.slice(0, 80)}`,
          detail: 'Test',
          route: at('tests', t.id),
        });
      }
      for (const i of fieldwork?.interviews ?? []) {
        const who = i.interviewees.map((p) => p.name).join(', ');
        list.push({
          key: `interview:${i.id}`,
          label: `${i.title}${who ? ` — ${who}` : ''}`,
          detail: 'Interview',
          route: at('interviews', i.id),
        });
      }
      for (const w of fieldwork?.walkthroughs ?? []) {
        list.push({
          key: `walkthrough:${w.id}`,
          label: `${w.title}${w.instance ? ` (${w.instance})` : ''}`,
          detail: 'Walkthrough',
          route: at('walkthroughs', w.id),
        });
      }
      for (const x of fieldwork?.exceptions ?? []) {
        list.push({
          key: `exception:${x.id}`,
          label: `${formatExceptionNumber(x.number)} ${x.description.slice(0, 80)}`,
          detail: 'Exception',
          route: at('exceptions', x.id),
        });
      }
      for (const n of fieldwork?.notes ?? []) {
        list.push({
          key: `note:${n.id}`,
          label: `${formatNoteNumber(n.number)} ${n.text.slice(0, 80)}`,
          detail: `Review note (${REVIEW_NOTE_STATUS_LABELS[n.status].toLowerCase()})`,
          route: at('notes', n.id),
        });
      }
      for (const e of fieldwork?.evidence ?? []) {
        list.push({
          key: `evidence:${e.id}`,
          label: currentVersion(e).fileName,
          detail: 'Evidence',
          hidden: e.versions.map((v) => v.sha256).join(' '),
          route: at('evidence', e.id),
        });
      }
      for (const c of criteriaForCategories(current.categories)) {
        list.push({
          key: `criterion:${c.id}`,
          label: `${c.id} ${c.title}`,
          detail: 'Criterion',
          route: at('scope', c.id),
        });
      }
    }
    list.push({
      key: 'engagements',
      label: 'All engagements',
      detail: 'List',
      route: { name: 'engagements' },
    });
    for (const e of engagements ?? []) {
      if (e.archived || e.id === current?.id) continue;
      list.push({
        key: `engagement:${e.id}`,
        label: `${e.serviceOrganization} — ${e.systemName}`,
        detail: 'Engagement',
        route: { name: 'engagement', id: e.id, area: 'overview' },
      });
    }
    return list;
  }, [engagements, route, controls, requests, vendors, fieldwork]);

  const results = useMemo(() => {
    const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    return targets
      .filter((t) =>
        words.every((w) => `${t.label} ${t.detail} ${t.hidden ?? ''}`.toLocaleLowerCase().includes(w)),
      )
      .slice(0, MAX_RESULTS);
  }, [targets, query]);

  const go = (target: Target | undefined) => {
    if (!target) return;
    closeDialog();
    navigate(target.route);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(results[active]);
    }
  };

  return (
    <Dialog title="Go to" onClose={closeDialog}>
      <input
        type="text"
        role="combobox"
        aria-label="Go to engagement, screen or criterion"
        aria-expanded="true"
        aria-controls="jump-results"
        aria-activedescendant={results[active] ? `jump-${active}` : undefined}
        aria-autocomplete="list"
        placeholder="Type a criterion (CC6.1), a control, a test, a file name or hash, a screen…"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="jump-results" role="listbox" aria-label="Matches" className="jump-results">
        {results.map((t, i) => (
          <li
            key={t.key}
            id={`jump-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'jump-item active' : 'jump-item'}
            onMouseEnter={() => setActive(i)}
            onClick={() => go(t)}
          >
            <span>{t.label}</span>
            <span className="muted">{t.detail}</span>
          </li>
        ))}
      </ul>
      {results.length === 0 ? (
        <p className="muted">{noMatchHint(query, route.name === 'engagement')}</p>
      ) : null}
    </Dialog>
  );
}
