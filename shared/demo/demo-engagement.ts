/**
 * The demo engagement a newcomer can load: a fictional SaaS company's SOC 2 Type 2 examination over
 * Security, Availability and Confidentiality. Later features add their workpapers to it.
 * All names are invented.
 */
import { defaultReportSettings, type EngagementFields } from '../domain/engagement';

export const DEMO_SERVICE_ORGANIZATION = 'Lumenfield Analytics, Inc.';
export const DEMO_SYSTEM_NAME = 'Lumenfield Insights Platform';

export interface DemoEngagement {
  fields: EngagementFields;
  notApplicable: { criterionId: string; reason: string }[];
}

/** The demo's content; `teamProfileId` is the auditor loading it. */
export function buildDemoEngagement(teamProfileId: string, firm: string): DemoEngagement {
  return {
    fields: {
      serviceOrganization: DEMO_SERVICE_ORGANIZATION,
      systemName: DEMO_SYSTEM_NAME,
      kind: 'soc2-type2',
      asOfDate: null,
      periodStart: '2026-01-01',
      periodEnd: '2026-09-30',
      categories: ['security', 'availability', 'confidentiality'],
      firm: firm || 'Harbor & Reed LLP',
      engagementPartner: 'Dana Whitfield, CPA',
      team: [teamProfileId],
      phase: 'fieldwork',
      reportDate: null,
      notes: [
        'Lumenfield provides a multi-tenant analytics platform (web app and API) hosted on AWS us-east-1 and us-west-2.',
        'Subservice organizations: Amazon Web Services (infrastructure hosting, carve-out) and Okta (identity provider, carve-out).',
        'Second-year examination; the prior report (Type 2, 1 Jan – 31 Dec 2025) had one exception in CC6.2 (terminated-user access removal).',
        'Key contacts: Priya Raman (VP Security & Compliance), Marco Silva (Director of Infrastructure).',
      ].join('\n'),
      signOffLevels: ['preparer', 'reviewer'],
      release: null,
      lock: null,
      unlocks: [],
      report: { ...defaultReportSettings(), city: 'Denver, Colorado' },
      archived: false,
      demo: true,
    },
    notApplicable: [
      {
        criterionId: 'CC6.4',
        reason:
          'Lumenfield operates no data centers or server rooms; physical access to system components is the responsibility of the carved-out subservice organization (AWS).',
      },
    ],
  };
}
