/**
 * Hash routes (`#/engagements`, `#/engagements/<id>/overview`, `#/engagements/<id>/scope/CC6.1`): they
 * survive a reload and work the same under `app://fieldwork/` and `http://localhost`. The optional last
 * part names an item to bring into view (a criterion on the Scope screen, a control, a description section).
 */
import type { StateCreator } from 'zustand';

export const ENGAGEMENT_AREAS = [
  'overview',
  'scope',
  'controls',
  'coverage',
  'complementary',
  'description',
  'requests',
  'interviews',
  'walkthroughs',
  'tests',
  'exceptions',
  'evidence',
  'workpapers',
  'notes',
  'trail',
  'share',
  'report',
  'finalize',
] as const;
export type EngagementArea = (typeof ENGAGEMENT_AREAS)[number];
export const AREA_LABELS: Record<EngagementArea, string> = {
  overview: 'Overview',
  scope: 'Scope & criteria',
  controls: 'Controls',
  coverage: 'Coverage',
  complementary: 'Subservice & CUECs',
  description: 'System description',
  requests: 'Requests (PBC)',
  interviews: 'Interviews',
  walkthroughs: 'Walkthroughs',
  tests: 'Tests of controls',
  exceptions: 'Exceptions',
  evidence: 'Evidence',
  workpapers: 'Workpapers & sign-offs',
  notes: 'Review notes',
  trail: 'Audit trail',
  share: 'Share & merge',
  report: 'Report & exports',
  finalize: 'Release & lock',
};

/** How the navigation groups the areas (the order of ENGAGEMENT_AREAS within each group). */
export const AREA_GROUPS: readonly { label: string | null; areas: readonly EngagementArea[] }[] = [
  { label: null, areas: ['overview'] },
  { label: 'Planning', areas: ['scope', 'controls', 'coverage', 'complementary', 'description', 'requests'] },
  { label: 'Fieldwork', areas: ['interviews', 'walkthroughs', 'tests', 'exceptions', 'evidence'] },
  { label: 'Review', areas: ['workpapers', 'notes', 'trail', 'share'] },
  { label: 'Reporting', areas: ['report', 'finalize'] },
];

export type Route =
  | { name: 'engagements' }
  | {
      name: 'engagement';
      id: string;
      area: EngagementArea;
      item?: string;
      /**
       * A filter the list opens with (the dashboard's numbers link to the list behind them), e.g.
       * `not-effective` on Tests or `open` on Review notes; each page documents the values it accepts.
       */
      filter?: string;
    };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'engagements' && parts[1]) {
    const area = ENGAGEMENT_AREAS.find((a) => a === parts[2]) ?? 'overview';
    const item = parts[3] ? decodeURIComponent(parts[3]) : undefined;
    const filter = new URLSearchParams(query).get('filter') ?? undefined;
    return {
      name: 'engagement',
      id: decodeURIComponent(parts[1]),
      area,
      ...(item ? { item } : {}),
      ...(filter ? { filter } : {}),
    };
  }
  return { name: 'engagements' };
}

export function routeToHash(route: Route): string {
  if (route.name === 'engagements') return '#/engagements';
  const item = route.item ? `/${encodeURIComponent(route.item)}` : '';
  const filter = route.filter ? `?filter=${encodeURIComponent(route.filter)}` : '';
  return `#/engagements/${encodeURIComponent(route.id)}/${route.area}${item}${filter}`;
}

export interface RouteSlice {
  route: Route;
  navigate(route: Route): void;
  syncRouteFromLocation(): void;
}

export const createRouteSlice: StateCreator<RouteSlice, [], [], RouteSlice> = (set) => ({
  route: parseRoute(window.location.hash),
  navigate(route) {
    const hash = routeToHash(route);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route });
  },
  syncRouteFromLocation: () => set({ route: parseRoute(window.location.hash) }),
});
