/** Small wordings the sheets share: yes/no, lists, evidence file names, what a link points at. */
import {
  currentVersion,
  EVIDENCE_LINK_LABELS,
  formatExceptionNumber,
  type ControlException,
  type Evidence,
  type EvidenceLink,
} from '../../domain/fieldwork';
import { formatRequestNumber } from '../../domain/planning';
import type { WorkbookContext } from './context';

export const yes = (value: boolean): string => (value ? 'Yes' : '');
export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

/** Non-empty parts, one per line. */
export const lines = (...parts: (string | null | undefined | false)[]): string =>
  parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n');

/** `Label: value` when there is a value. */
export const labelled = (label: string, value: string | number | null | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : `${label}: ${value}`;

export const fileNames = (evidence: readonly Evidence[]): string =>
  evidence.map((e) => currentVersion(e).fileName).join('\n');

export const exceptionNumbers = (exceptions: readonly ControlException[]): string =>
  exceptions.map((x) => formatExceptionNumber(x.number)).join(', ');

/** A sample item as an exception or a link names it: `T-AC-02 #4 ACC-2005`. */
export function itemName(ctx: WorkbookContext, id: string): string {
  const item = ctx.itemById.get(id);
  if (!item) return 'a removed sample item';
  const name = `${ctx.testReference(item.testId)} #${item.position} ${item.key}`;
  return item.deleted ? `${name} (removed)` : name;
}

function recordName(ctx: WorkbookContext, link: EvidenceLink): string {
  const s = ctx.snapshot;
  switch (link.kind) {
    case 'control':
      return ctx.controlReference(link.id) || 'a removed control';
    case 'test':
      return ctx.testReference(link.id) || 'a removed test';
    case 'sample-item':
      return itemName(ctx, link.id);
    case 'request': {
      const r = s.requests.find((x) => x.id === link.id);
      return r ? `${formatRequestNumber(r.number)} ${r.title}` : 'a removed request';
    }
    case 'interview':
    case 'walkthrough': {
      const info = ctx.workpaper(`${link.kind}:${link.id}`);
      if (!info) return `a removed ${link.kind}`;
      const w = link.kind === 'walkthrough' ? s.walkthroughs.find((x) => x.id === link.id) : undefined;
      const step = link.detail ? (w?.steps.findIndex((st) => st.id === link.detail) ?? -1) : -1;
      return `${info.reference} ${info.title}${step >= 0 ? `, step ${step + 1}` : ''}`;
    }
  }
}

/** What an evidence file supports, one link per line: `Control: AC-01`, `Sample item: T-AC-02 #4 ACC-2005`. */
export function linkedTo(ctx: WorkbookContext, evidence: Evidence): string {
  const links = evidence.links.map((l) => `${EVIDENCE_LINK_LABELS[l.kind]}: ${recordName(ctx, l)}`);
  if (
    evidence.requestId &&
    !evidence.links.some((l) => l.kind === 'request' && l.id === evidence.requestId)
  ) {
    links.push(`Request: ${recordName(ctx, { kind: 'request', id: evidence.requestId })}`);
  }
  return links.join('\n');
}
