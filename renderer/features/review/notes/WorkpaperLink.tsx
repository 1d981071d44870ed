/** A workpaper's reference and title, linking to the screen it lives on. */
import type { WorkpaperInfo } from '@shared/domain/review';
import { routeToHash } from '../../../store/route';

export function workpaperHref(engagementId: string, info: WorkpaperInfo): string {
  const { area, item } = info.location;
  return routeToHash({ name: 'engagement', id: engagementId, area, ...(item ? { item } : {}) });
}

export function WorkpaperLink({
  engagementId,
  info,
  short = false,
}: {
  engagementId: string;
  info: WorkpaperInfo | undefined;
  /** Only the reference as the link text (the title follows as plain text). */
  short?: boolean;
}) {
  if (!info) return <span className="muted">Removed workpaper</span>;
  const href = workpaperHref(engagementId, info);
  const title = `Open ${info.reference} — ${info.title}`;
  return short ? (
    <>
      <a href={href} title={title} onClick={(e) => e.stopPropagation()}>
        {info.reference}
      </a>{' '}
      <span className="muted">{info.title}</span>
    </>
  ) : (
    <a href={href} title={title} onClick={(e) => e.stopPropagation()}>
      {info.reference} — {info.title}
    </a>
  );
}
