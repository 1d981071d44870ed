/**
 * Every sign-off ever given, withdrawn ones included: workpaper, level, who and when, the content hash
 * signed, and whether it still stands for the workpaper as it is now.
 */
import { PROFILE_ROLE_LABELS } from '../../../domain/profile';
import { currentSignOffs, SIGN_OFF_LEVEL_LABELS, type SignOff } from '../../../domain/review';
import { code, datetime, text, type Column, type Tone } from '../columns';
import type { WorkbookContext } from '../context';
import type { TableSpec } from '../table';

interface Standing {
  text: string;
  tone: Tone | null;
}

function standing(ctx: WorkbookContext, s: SignOff): Standing {
  if (s.deleted) return { text: 'Withdrawn', tone: 'muted' };
  const review = ctx.review.byKey.get(s.workpaper);
  if (!review) return { text: 'Workpaper removed', tone: 'muted' };
  const current = currentSignOffs(ctx.snapshot.signOffs, s.workpaper).get(s.level);
  if (current?.id !== s.id) return { text: 'Superseded by a later sign-off', tone: 'muted' };
  return s.contentHash === review.hash
    ? { text: 'Current', tone: 'good' }
    : { text: 'Changed since signed', tone: 'bad' };
}

export function signOffsSheet(ctx: WorkbookContext): TableSpec<SignOff> {
  const order = new Map(ctx.review.workpapers.map((w, i) => [w.info.key, i]));
  const rows = [...ctx.snapshot.signOffs].sort(
    (a, b) =>
      (order.get(a.workpaper) ?? Infinity) - (order.get(b.workpaper) ?? Infinity) ||
      a.workpaper.localeCompare(b.workpaper) ||
      a.signedAt.localeCompare(b.signedAt),
  );
  const status = new Map(rows.map((s) => [s.id, standing(ctx, s)]));
  const columns: Column<SignOff>[] = [
    text('Workpaper', (s) => ctx.workpaper(s.workpaper)?.reference ?? '', { maxWidth: 18 }),
    text('Title', (s) => ctx.workpaper(s.workpaper)?.title ?? 'A removed workpaper', { maxWidth: 44 }),
    text('Level', (s) => SIGN_OFF_LEVEL_LABELS[s.level], { maxWidth: 12 }),
    text('Name', (s) => s.name, { maxWidth: 24 }),
    text('Role', (s) => PROFILE_ROLE_LABELS[s.role], { maxWidth: 12 }),
    datetime('Signed', (s) => s.signedAt),
    code('Content hash (SHA-256)', (s) => s.contentHash),
    text('Status', (s) => status.get(s.id)?.text ?? '', {
      maxWidth: 30,
      tone: (s) => status.get(s.id)?.tone ?? null,
    }),
  ];
  return { name: 'Sign-offs', columns, rows };
}
