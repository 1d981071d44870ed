/** The frame around every screen: header (engagement, period, auditor), left navigation, work area. */
import { useLiveQuery } from 'dexie-react-hooks';
import { ENGAGEMENT_KIND_LABELS, formatPeriod } from '@shared/domain/engagement';
import { db } from '../db';
import { getEngagement } from '../db/queries';
import { useAppStore } from '../store';
import { AREA_GROUPS, AREA_LABELS } from '../store/route';
import { ProfileSwitcher } from '../features/profiles/ProfileSwitcher';
import { EngagementsPage } from '../features/engagements/EngagementsPage';
import { ChangeReasonBanner } from '../features/finalize/ChangeReasonBanner';
import { lockApp, lockIsOn, useAtRestView } from '../features/lock/session';
import { EngagementView } from './EngagementView';
import { StorageWarning } from './StorageWarning';

export function Shell() {
  const route = useAppStore((s) => s.route);
  const openDialog = useAppStore((s) => s.openDialog);
  const lockOn = lockIsOn(useAtRestView());
  const engagementId = route.name === 'engagement' ? route.id : null;
  const engagement = useLiveQuery(
    async () => (engagementId ? await getEngagement(db, engagementId) : undefined),
    [engagementId],
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href="#/engagements" aria-label="Fieldwork home: engagements">
          Fieldwork
        </a>
        {engagement ? (
          <div className="header-engagement" aria-label="Current engagement">
            <span className="header-title">
              {engagement.serviceOrganization} · {engagement.systemName}
            </span>
            <span className="header-sub">
              {ENGAGEMENT_KIND_LABELS[engagement.kind]}, {formatPeriod(engagement)}
            </span>
          </div>
        ) : (
          <div className="header-engagement" />
        )}
        <button
          type="button"
          className="link-button header-about"
          aria-keyshortcuts="Control+K"
          title="Go to an engagement, screen or criterion (Ctrl+K)"
          onClick={() => openDialog('jump')}
        >
          Go to… <kbd>Ctrl+K</kbd>
        </button>
        <button type="button" className="link-button header-about" onClick={() => openDialog('about')}>
          About
        </button>
        {lockOn ? (
          <button
            type="button"
            className="link-button header-about"
            aria-keyshortcuts="Control+L"
            title="Lock Fieldwork now: the passphrase is needed to continue (Ctrl+L)"
            onClick={lockApp}
          >
            Lock <kbd>Ctrl+L</kbd>
          </button>
        ) : null}
        <ProfileSwitcher />
      </header>
      <nav className="app-nav" aria-label="Main">
        <ul>
          <li>
            <a href="#/engagements" aria-current={route.name === 'engagements' ? 'page' : undefined}>
              Engagements
            </a>
          </li>
        </ul>
        {engagement && route.name === 'engagement' ? (
          <>
            <p className="nav-section" title={engagement.serviceOrganization}>
              {engagement.serviceOrganization}
            </p>
            {AREA_GROUPS.map((group) => (
              <div key={group.label ?? 'top'} role="group" aria-label={group.label ?? 'Engagement'}>
                {group.label ? <p className="nav-group">{group.label}</p> : null}
                <ul>
                  {group.areas.map((area) => (
                    <li key={area}>
                      <a
                        href={`#/engagements/${engagement.id}/${area}`}
                        aria-current={route.area === area ? 'page' : undefined}
                      >
                        {AREA_LABELS[area]}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </>
        ) : null}
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        <StorageWarning />
        {engagement && route.name === 'engagement' ? (
          <ChangeReasonBanner key={engagement.id} engagement={engagement} />
        ) : null}
        {route.name === 'engagement' ? (
          <EngagementView id={route.id} area={route.area} item={route.item} filter={route.filter} />
        ) : (
          <EngagementsPage />
        )}
      </main>
    </div>
  );
}
