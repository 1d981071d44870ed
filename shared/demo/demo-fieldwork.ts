/**
 * The demo engagement's fieldwork (Type 2, 1 Jan – 30 Sep 2026): two interviews, two walkthroughs, a firm
 * tickmark, six tests of controls in every state a workpaper goes through (planned, in progress, concluded
 * effective, effective with an exception after an expanded sample, not effective), and a few evidence files.
 * Plain data and pure, deterministic generators only (CSV text, a hand-made PDF): the renderer turns them
 * into files and writes everything through the testing and evidence commands. All names are invented.
 */
import type {
  EvidenceSource,
  ExceptionFields,
  Ipe,
  Person,
  StepKind,
  Stratification,
  TickmarkFields,
  Technique,
} from '../domain/fieldwork';

// ---------------------------------------------------------------------------------------------------------
// Small deterministic helpers

const DAY_MS = 86_400_000;

/** The ISO date `days` after `start` (UTC arithmetic, no time zone shift). */
export function addDays(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The i-th entry of a list, cycling with a stride so neighbouring rows differ. */
function cycle<T>(xs: readonly T[], i: number, stride = 1): T {
  return xs[(i * stride) % xs.length] as T; // xs is non-empty
}

const csvCell = (value: string | number): string => {
  const text = String(value);
  return /[",\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
};
const csvLine = (cells: readonly (string | number)[]): string => cells.map(csvCell).join(',');

export const DEMO_PERIOD = { start: '2026-01-01', end: '2026-09-30' } as const;

// ---------------------------------------------------------------------------------------------------------
// Populations (CSV exports as the client sends them: a title line, headings, items, a total line)

export const DEMO_CHANGE_COUNT = 64;
const ENGINEERS = ['Lena Fischer', 'Omar Haddad', 'Grace Kim', 'Ravi Patel', 'Sofia Novak', 'Ben Adeyemi'];
const EMERGENCY_REASONS = [
  'Hotfix: ingestion worker memory leak',
  'Hotfix: API rate limiter misconfiguration',
  'Rollback of dashboard release',
  'Patch for critical library vulnerability',
  'Certificate rotation ahead of expiry',
  'Hotfix: failed tenant export job',
  'Database connection pool limit raised',
  'Hotfix: SSO callback error for EU tenants',
];

/** Emergency changes deployed in the period: ServiceDesk export, approved-on date one or two days later. */
export function demoChangesCsv(): string {
  const span = 270; // 1 Jan to 28 Sep
  const lines = [
    'Emergency changes deployed to production - ServiceDesk report CAB-EMERG - 1 Jan 2026 to 30 Sep 2026',
    csvLine(['Change ID', 'Summary', 'Implemented by', 'Deployed on', 'Reviewed by', 'Reviewed on']),
  ];
  for (let i = 0; i < DEMO_CHANGE_COUNT; i += 1) {
    const deployed = addDays(DEMO_PERIOD.start, 1 + Math.floor((i * span) / DEMO_CHANGE_COUNT));
    const implementer = cycle(ENGINEERS, i);
    const reviewer = cycle(ENGINEERS, i + 3);
    lines.push(
      csvLine([
        `ECHG-${1001 + i}`,
        cycle(EMERGENCY_REASONS, i, 3),
        implementer,
        deployed,
        reviewer,
        addDays(deployed, 1 + (i % 2)),
      ]),
    );
  }
  lines.push(csvLine(['Total', `${DEMO_CHANGE_COUNT} changes`]));
  return `${lines.join('\r\n')}\r\n`;
}

export const DEMO_ACCESS_REQUEST_COUNT = 180;
const USERS = [
  'a.brooks',
  'c.mendes',
  'd.yilmaz',
  'e.larsen',
  'f.okoro',
  'h.tanaka',
  'j.doe',
  'k.ivanova',
  'm.rossi',
  'n.sato',
  'p.quinn',
  's.dubois',
];
const SYSTEMS = [
  ['AWS production account', 'ReadOnly'],
  ['AWS production account', 'PowerUser'],
  ['PostgreSQL (prod)', 'read'],
  ['PostgreSQL (prod)', 'write'],
  ['Admin console', 'support'],
  ['Admin console', 'admin'],
  ['Kubernetes (prod)', 'deployer'],
] as const;

/** Access requests for production systems granted in the period: Jira Service Management export. */
export function demoAccessRequestsCsv(): string {
  const span = 270;
  const lines = [
    'Access requests - production systems - Jira Service Management export (project ACC) - 2026-01-01 to 2026-09-30',
    csvLine(['Request ID', 'Requested for', 'System', 'Access level', 'Requested on', 'Granted on']),
  ];
  for (let i = 0; i < DEMO_ACCESS_REQUEST_COUNT; i += 1) {
    const requested = addDays(DEMO_PERIOD.start, Math.floor((i * span) / DEMO_ACCESS_REQUEST_COUNT));
    const [system, level] = cycle(SYSTEMS, i, 3);
    lines.push(
      csvLine([`ACC-${2001 + i}`, cycle(USERS, i, 5), system, level, requested, addDays(requested, i % 3)]),
    );
  }
  lines.push(csvLine(['Total', `${DEMO_ACCESS_REQUEST_COUNT} requests`]));
  return `${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------------------
// A hand-made PDF (shared/ cannot use a PDF library): one page of Helvetica text, correct xref table

/** A one-page PDF with a title and lines of text. Characters outside printable ASCII become "?". */
export function demoPdf(title: string, lines: readonly string[]): Uint8Array<ArrayBuffer> {
  const clean = (s: string) => s.replace(/[^\x20-\x7e]/gu, '?').replace(/[\\()]/gu, (ch) => `\\${ch}`);
  const body = [`BT /F1 16 Tf 72 740 Td (${clean(title)}) Tj ET`];
  lines.forEach((line, i) => body.push(`BT /F1 10 Tf 72 ${710 - i * 15} Td (${clean(line)}) Tj ET`));
  const stream = body.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf); // ASCII only, so string offsets are byte offsets
}

// ---------------------------------------------------------------------------------------------------------
// Tickmark legend

/** The firm mark the demo adds to the legend and uses in a few cells. */
export const DEMO_TICKMARK: TickmarkFields = { symbol: 'T', meaning: 'Traced to source', outcome: 'pass' };

// ---------------------------------------------------------------------------------------------------------
// Interviews and walkthroughs (controls named by reference; the loader resolves ids)

export interface DemoInterview {
  title: string;
  date: string;
  place: string;
  interviewees: Person[];
  topics: string;
  controlRefs: string[];
  criteria: string[];
  notes: string;
  followUps: string[];
}

export const DEMO_INTERVIEWS: readonly DemoInterview[] = [
  {
    title: 'Access management with the CISO',
    date: '2026-09-02',
    place: 'Lumenfield office, Portland (conference room 3)',
    interviewees: [
      {
        name: 'Priya Raman',
        title: 'VP Security & Compliance (CISO)',
        organization: 'Lumenfield Analytics, Inc.',
      },
      {
        name: 'Marco Silva',
        title: 'Director of Infrastructure',
        organization: 'Lumenfield Analytics, Inc.',
      },
    ],
    topics:
      'Provisioning and approval of production access; de-provisioning of leavers; quarterly access reviews; SSO and MFA enforcement; changes to the identity provider during the period.',
    controlRefs: ['AC-01', 'AC-02', 'AC-03', 'AC-04'],
    criteria: ['CC6.1', 'CC6.2', 'CC6.3'],
    notes: [
      'Production access is requested in Jira Service Management (project ACC). The system owner approves in the ticket; the engineer granting access adds the requested Okta group and closes the ticket.',
      'Priya confirmed no access is granted without a ticket. During incidents the on-call engineer may call the system owner; the approval must still be recorded in the ticket before access is granted.',
      'Leavers: the HRIS to Okta integration disables the account on the termination date; IT reviews the daily failed de-provisioning report (AC-03). Last year one leaver kept access for six days (prior-year exception, CC6.2).',
      'Quarterly reviews: system owners certify access in the Okta access certification campaign; removals are ticketed. Q2 sign-off evidence is still outstanding (see request list).',
      'SSO/MFA: every production application is assigned to the "Production - phishing-resistant MFA" sign-on policy; local accounts are disabled. No change to the policy during the period per Marco.',
    ].join('\n\n'),
    followUps: [
      'Provide the Okta sign-on policy export with its change history for 1 Jan - 30 Sep 2026, and the list of users with admin console access as of 30 June 2026.',
    ],
  },
  {
    title: 'Change management with the Head of Engineering',
    date: '2026-09-03',
    place: 'Video call',
    interviewees: [
      { name: 'Lena Fischer', title: 'Head of Engineering', organization: 'Lumenfield Analytics, Inc.' },
    ],
    topics:
      'Pull request review and branch protection; automated tests in the CI pipeline; deployment approvals; emergency changes and their retrospective review; segregation between authors and reviewers.',
    controlRefs: ['CM-01', 'CM-02'],
    criteria: ['CC8.1'],
    notes: [
      'All code changes go through a GitHub pull request. Branch protection on main requires one approving review from someone other than the author and green CI checks; administrators cannot bypass it (setting "Do not allow bypassing" is on).',
      'Deployment is by the CD pipeline only; engineers have no write access to production clusters outside the pipeline.',
      'Emergency changes (about six a month) are deployed by the on-call engineer with a ServiceDesk change of type Emergency; the change advisory board reviews them within two business days. Lena will ask Marco for the CAB-EMERG report as the population.',
    ].join('\n\n'),
    followUps: [],
  },
];

export interface DemoWalkthroughStep {
  kind: StepKind;
  description: string;
  performer: string;
  systems: string;
  reports: string;
  outputs: string;
}

export interface DemoWalkthrough {
  title: string;
  startDate: string;
  endDate: string;
  participants: Person[];
  instance: string;
  steps: DemoWalkthroughStep[];
  controlRefs: string[];
  criteria: string[];
  risks: string;
  designExplanation: string;
  implementationNotes: string;
  changesSincePrior: string;
}

const step = (
  kind: StepKind,
  description: string,
  performer: string,
  systems: string,
  outputs: string,
  reports = '',
): DemoWalkthroughStep => ({ kind, description, performer, systems, reports, outputs });

export const DEMO_WALKTHROUGHS: readonly DemoWalkthrough[] = [
  {
    title: 'Change management - standard code change',
    startDate: '2026-09-04',
    endDate: '2026-09-04',
    participants: [
      { name: 'Lena Fischer', title: 'Head of Engineering', organization: 'Lumenfield Analytics, Inc.' },
      { name: 'Omar Haddad', title: 'Senior Engineer', organization: 'Lumenfield Analytics, Inc.' },
    ],
    instance: 'Pull request #4812 (Jira LUM-3377, "Tenant export retries")',
    steps: [
      step(
        'trigger',
        'A Jira story is prioritised and an engineer opens a branch and a pull request referencing it.',
        'Engineer (author)',
        'Jira, GitHub',
        'Pull request #4812 linked to LUM-3377',
      ),
      step(
        'step',
        'A second engineer reviews the code and the automated test results in the pull request.',
        'Engineer (reviewer)',
        'GitHub, CI pipeline',
        'Review comments; CI checks green',
        'CI test report',
      ),
      step(
        'decision',
        'The reviewer approves; branch protection blocks the merge until one approval from someone other than the author and all required checks pass.',
        'Engineer (reviewer)',
        'GitHub branch protection',
        'Approved review by g.kim; merge allowed',
      ),
      step(
        'step',
        'On merge the CD pipeline builds the image and deploys it to production; no manual deployment path exists.',
        'CD pipeline (automated)',
        'GitHub Actions, Argo CD, EKS',
        'Deployment 2026-08-27 14:02 UTC',
      ),
      step(
        'output',
        'The deployment is recorded in the release log with the pull request, approver and commit.',
        'CD pipeline (automated)',
        'Release log',
        'Release log entry r2026.08.27-3',
        'Release log export',
      ),
    ],
    controlRefs: ['CM-01', 'CM-02'],
    criteria: ['CC8.1'],
    risks:
      'Unauthorised or untested changes reach production; an author approves their own change; a change is deployed outside the pipeline.',
    designExplanation:
      'Branch protection enforces an independent approval and passing tests before merge, and the pipeline is the only deployment path: the control would meet CC8.1 if it operates as described.',
    implementationNotes:
      'Inspected PR #4812: approved by g.kim (not the author o.haddad), checks green, merged and deployed by the pipeline on 27 Aug 2026. Inspected the branch protection settings with Lena (screen share): required review 1, bypass disabled.',
    changesSincePrior:
      'Argo CD replaced the Jenkins deployment job in February 2026; the approval gate is unchanged.',
  },
  {
    title: 'User provisioning - production access for a new engineer',
    startDate: '2026-09-08',
    endDate: '2026-09-08',
    participants: [
      {
        name: 'Marco Silva',
        title: 'Director of Infrastructure',
        organization: 'Lumenfield Analytics, Inc.',
      },
    ],
    instance: 'Access request ACC-2291 (j.doe, PostgreSQL (prod) read)',
    steps: [
      step(
        'trigger',
        'The hiring manager raises an access request in Jira Service Management for the new engineer, naming the system and access level.',
        'Hiring manager',
        'Jira Service Management',
        'Ticket ACC-2291',
      ),
      step(
        'decision',
        'The system owner approves or rejects the request in the ticket.',
        'System owner (Marco Silva)',
        'Jira Service Management',
        'Approval recorded 2026-08-17 09:41',
      ),
      step(
        'step',
        'The infrastructure engineer adds the user to the Okta group for the approved access level and attaches the group change to the ticket.',
        'Infrastructure engineer',
        'Okta',
        'Okta group "pg-prod-read" membership added 2026-08-17 10:05',
      ),
      step(
        'output',
        'The ticket is closed; the Okta system log records the group change and the next quarterly review includes the new access.',
        'Infrastructure engineer',
        'Jira Service Management, Okta',
        'Closed ticket; Okta system log entry',
        'Okta system log',
      ),
    ],
    controlRefs: ['AC-02', 'AC-01'],
    criteria: ['CC6.1', 'CC6.2', 'CC6.3'],
    risks:
      'Access is granted without approval or beyond what was approved; access is granted outside SSO and so escapes MFA and the access reviews.',
    designExplanation:
      'Approval by the system owner before the group change, with access only through Okta groups behind SSO and MFA, would meet CC6.2 and CC6.3 if performed as described.',
    implementationNotes:
      'Inspected ticket ACC-2291: approval at 09:41 before the Okta group change at 10:05; the group grants read access only, as requested.',
    changesSincePrior: 'None.',
  },
];

// ---------------------------------------------------------------------------------------------------------
// Tests of controls

/** A cell mark: the built-in ✓ / X / N/A, or the firm's "T". */
export type DemoMark = 'pass' | 'exception' | 'na' | 'T';

export type DemoPopulation =
  | {
      source: 'file';
      fileName: string;
      csv: () => string;
      /** The sheet name a CSV is read as: the file name without its extension. */
      sheet: string;
      headerRow: number;
      keyColumn: number;
      dateColumn: number;
      keyLabel: string;
      dateLabel: string;
      description: string;
    }
  | { source: 'count'; count: number; description: string }
  | { source: 'none' };

export interface DemoException {
  /** Worded from the items with an X (key and date), in sample order. */
  description: (items: readonly { key: string; date: string | null }[]) => string;
  fields: Pick<
    ExceptionFields,
    'type' | 'rootCause' | 'compensatingControls' | 'managementResponse' | 'nature' | 'severity'
  >;
  compensatingControlRefs: string[];
}

export type DemoState =
  'planned' | 'in-progress' | 'effective' | 'effective-with-exceptions' | 'not-effective';

export interface DemoTest {
  controlRef: string;
  /** What the demo shows with it. */
  state: DemoState;
  techniques?: Technique[];
  procedure: string;
  attributes: string[];
  population: DemoPopulation;
  ipe?: Partial<Ipe>;
  selection?: { method: 'random' | 'systematic'; stratify: Stratification };
  /** The mark in a cell (1-based sample position, 0-based attribute), or null to leave it blank. */
  mark?: (position: number, attribute: number) => DemoMark | null;
  exception?: DemoException;
  expansion?: { additional: number; reason: string };
  /** Notes on sample items by position. */
  itemNotes?: Record<number, string>;
  conclusion?: { conclusion: 'effective' | 'effective-with-exceptions' | 'not-effective'; rationale: string };
}

/** The AC-02 sample item with the exception, and the evidence linked to it. */
export const AC02_EXCEPTION_POSITION = 7;
/** The OP-01 items whose critical findings were remediated late. */
export const OP01_EXCEPTION_POSITIONS: readonly number[] = [3, 8];

const list = (keys: readonly string[]): string =>
  keys.length <= 1 ? (keys[0] ?? '') : `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}`;

export const DEMO_TESTS: readonly DemoTest[] = [
  {
    controlRef: 'CM-02',
    state: 'effective',
    procedure:
      'Obtained the ServiceDesk report of emergency changes deployed in the period (CAB-EMERG) and tested its completeness and accuracy. For a sample spread across the months, inspected the change ticket and the change advisory board minutes for a justification, a retrospective approval within two business days and an approver other than the implementer.',
    attributes: [
      'Emergency change has a ticket with the justification',
      'Reviewed and approved within two business days of deployment',
      'Reviewer is not the implementer',
    ],
    population: {
      source: 'file',
      fileName: 'changes-2026.csv',
      csv: demoChangesCsv,
      sheet: 'changes-2026',
      headerRow: 1,
      keyColumn: 0,
      dateColumn: 3,
      keyLabel: 'Change ID',
      dateLabel: 'Deployed on',
      description: 'emergency changes deployed to production, 1 Jan - 30 Sep 2026',
    },
    ipe: {
      sourceSystem: 'ServiceDesk',
      report: 'Saved report CAB-EMERG (emergency changes deployed)',
      parameters: 'Change type = Emergency; Deployed on between 2026-01-01 and 2026-09-30',
      generatedBy: 'Marco Silva (Director of Infrastructure)',
      generatedOn: '2026-10-05',
      recordCount: DEMO_CHANGE_COUNT,
      periodCovered: '1 Jan - 30 Sep 2026',
      procedures:
        'Observed the report being run with the parameters above. Agreed the count (64) to the CD pipeline deployments tagged "emergency". Traced 5 tagged deployments to the report (completeness) and 5 report rows to their tickets (accuracy).',
      result: 'satisfactory',
      resultNotes: '',
    },
    selection: { method: 'random', stratify: 'month' },
    // "T" on the first items' ticket attribute: traced from the pipeline deployment to the ticket.
    mark: (position, attribute) => (attribute === 0 && position <= 3 ? 'T' : 'pass'),
    conclusion: {
      conclusion: 'effective',
      rationale: 'No deviations in 15 items spread across the nine months of the period.',
    },
  },
  {
    controlRef: 'AC-02',
    state: 'effective-with-exceptions',
    procedure:
      'Obtained the export of access requests for production systems granted in the period. For a random sample, inspected the ticket for an approval by the system owner recorded before access was granted, and agreed the Okta group change to the access approved.',
    attributes: [
      'Approved by the system owner before access was granted',
      'Access granted matches the access approved',
    ],
    population: {
      source: 'file',
      fileName: 'access-requests-2026.csv',
      csv: demoAccessRequestsCsv,
      sheet: 'access-requests-2026',
      headerRow: 1,
      keyColumn: 0,
      dateColumn: 5,
      keyLabel: 'Request ID',
      dateLabel: 'Granted on',
      description: 'access requests for production systems granted 1 Jan - 30 Sep 2026',
    },
    ipe: {
      sourceSystem: 'Jira Service Management (project ACC)',
      report: 'JQL export of access requests',
      parameters:
        'project = ACC AND resolution = Granted AND resolved >= 2026-01-01 AND resolved <= 2026-09-30',
      generatedBy: 'Marco Silva (Director of Infrastructure)',
      generatedOn: '2026-10-06',
      recordCount: DEMO_ACCESS_REQUEST_COUNT,
      periodCovered: '1 Jan - 30 Sep 2026',
      procedures:
        'Inspected the JQL query. Agreed 5 Okta group additions from the system log to the export (completeness) and 5 export rows to their tickets (accuracy).',
      result: 'satisfactory',
      resultNotes: '',
    },
    selection: { method: 'random', stratify: 'none' },
    mark: (position, attribute) =>
      position === AC02_EXCEPTION_POSITION && attribute === 0 ? 'exception' : 'pass',
    exception: {
      description: (items) =>
        `For 1 of the access requests sampled (${list(items.map((i) => i.key))}), the system owner's approval was recorded in the ticket the day after access had been granted. The access granted matched the access later approved.`,
      fields: {
        type: 'operating',
        rootCause:
          'Per management: during a customer incident the engineer granted access on the system owner’s verbal approval; the owner recorded the approval in the ticket the next morning. The auditor agrees: the ticket history shows the call reference in a comment.',
        compensatingControls:
          'The Q2 quarterly access review (AC-04) included the user and the system owner certified the access as appropriate.',
        managementResponse:
          'Management reminded engineers with provisioning rights that access is granted only after the approval is recorded in the ticket, and in June 2026 added a workflow rule that blocks the "Granted" status until an approval is present.',
        nature: 'isolated',
        severity: 'deficiency',
      },
      compensatingControlRefs: ['AC-04'],
    },
    expansion: {
      additional: 15,
      reason:
        'One exception in 25 items: the upper deviation limit (14.7% at 90% confidence) exceeds the 10% tolerable rate. 15 more items taken from the same seeded sequence, to 40.',
    },
    conclusion: {
      conclusion: 'effective-with-exceptions',
      rationale:
        'One deviation in 40 items (upper deviation limit 9.4% at 90% confidence, within the 10% tolerable rate). No further deviation in the 15 additional items; the cause was a one-off during an incident and the access was appropriate (confirmed by the Q2 access review). The control operated effectively with the exception noted.',
    },
  },
  {
    controlRef: 'AV-01',
    state: 'in-progress',
    procedure:
      'For a sample of months, inspected the monthly capacity review record for evidence that Infrastructure reviewed the capacity trends and ticketed the actions agreed.',
    attributes: ['Capacity review held and documented', 'Actions agreed in the review are ticketed'],
    population: {
      source: 'count',
      count: 9,
      description: 'monthly capacity reviews, January - September 2026',
    },
    selection: { method: 'random', stratify: 'none' },
    mark: (position, attribute) =>
      position === 1 ? (attribute === 0 ? 'T' : 'pass') : position === 2 && attribute === 0 ? 'pass' : null,
    itemNotes: { 2: 'Actions list requested from Marco Silva on 12 Oct; not yet received.' },
  },
  {
    controlRef: 'AC-01',
    state: 'effective',
    procedure:
      'Automated control, test of one: inspected the identity provider sign-on policy assigned to every production application and its change history for the period, and reperformed a sign-in to the admin console without the phishing-resistant factor.',
    attributes: [
      'Production applications require SSO (local sign-in disabled)',
      'The sign-on policy enforces phishing-resistant MFA',
      'Reperformed: a sign-in without the required factor is refused',
    ],
    population: {
      source: 'count',
      count: 1,
      description: 'Okta sign-on policy "Production - phishing-resistant MFA" (one configuration)',
    },
    selection: { method: 'random', stratify: 'none' },
    mark: (_position, attribute) => (attribute === 0 ? 'T' : 'pass'),
    itemNotes: {
      1: 'Policy as configured on 30 June 2026; the policy change history shows no change between 1 Jan and 30 Sep 2026. Reperformed on 14 Oct 2026 with a test account: sign-in with password and SMS refused.',
    },
    conclusion: {
      conclusion: 'effective',
      rationale:
        'Test of one: automated control whose configuration did not change in the period; change management over the identity provider (CM-02) was tested without exception.',
    },
  },
  {
    controlRef: 'AC-04',
    state: 'planned',
    procedure:
      'For each quarter sampled, inspect the access certification campaign for completion by every system owner, the reviewer sign-off, and removal tickets completed within 10 business days.',
    attributes: [
      'Review completed for production, the database and the admin console',
      'Reviewer sign-off recorded',
      'Removals ticketed and completed within 10 business days',
    ],
    population: { source: 'none' },
  },
  {
    controlRef: 'OP-01',
    state: 'not-effective',
    procedure:
      'For a random sample of weeks, inspected the scanner run history for a completed scan and, for each critical finding, the remediation ticket (closed within 15 days) or a recorded risk acceptance.',
    attributes: [
      'Weekly scan completed for infrastructure and container images',
      'Critical findings remediated within 15 days or risk accepted',
    ],
    population: {
      source: 'count',
      count: 39,
      description: 'weekly vulnerability scans, weeks 1 - 39 of 2026',
    },
    selection: { method: 'random', stratify: 'none' },
    mark: (position, attribute) =>
      attribute === 1 && OP01_EXCEPTION_POSITIONS.includes(position) ? 'exception' : 'pass',
    exception: {
      description: (items) =>
        `For ${items.length} of the 10 weekly scans sampled (weeks ${list(items.map((i) => i.key).sort((a, b) => Number(a) - Number(b)))}), critical findings were not remediated within 15 days and no risk acceptance was recorded; remediation took 41 and 56 days.`,
      fields: {
        type: 'operating',
        rootCause:
          'The remediation-tracking role was vacant for part of the period and tickets for critical findings were not assigned to an owner; the dashboard did not alert on overdue findings.',
        compensatingControls:
          'Security monitoring (OP-02) would detect exploitation but does not remediate the vulnerability; not considered to compensate.',
        managementResponse:
          'A second security engineer joined in June 2026. Critical findings now open a ticket assigned to the service owner automatically, and the dashboard pages the Security Engineering Lead when a finding passes 10 days.',
        nature: 'systemic',
        severity: 'significant-deficiency',
      },
      compensatingControlRefs: ['OP-02'],
    },
    conclusion: {
      conclusion: 'not-effective',
      rationale:
        'Two deviations in 10 items (upper deviation limit 45% at 90% confidence) far exceed the 10% tolerable rate, and the cause is systemic, so a larger sample would not support reliance. The control did not operate effectively throughout the period; evaluate the effect on CC7.1.',
    },
  },
];

// ---------------------------------------------------------------------------------------------------------
// Evidence files

export type DemoLink =
  | { kind: 'control'; ref: string }
  | { kind: 'test'; controlRef: string }
  | { kind: 'sample-item'; controlRef: string; position: number }
  | { kind: 'interview'; index: number }
  | { kind: 'walkthrough'; index: number; step?: number };

export interface DemoEvidence {
  fileName: string;
  mediaType: string;
  bytes: () => Uint8Array<ArrayBuffer>;
  description: string;
  receivedOn: string;
  asOf: string | null;
  source: EvidenceSource;
  /** The request list number it answers (source "request"). */
  requestNumber?: number;
  sourcePerson?: string;
  links: DemoLink[];
}

const utf8 = (text: string) => () => new TextEncoder().encode(text);

export const DEMO_EVIDENCE: readonly DemoEvidence[] = [
  {
    fileName: 'okta-sign-on-policy-2026-06-30.pdf',
    mediaType: 'application/pdf',
    bytes: () =>
      demoPdf('Okta sign-on policy - Production - phishing-resistant MFA', [
        'Exported 2026-06-30 by m.silva (Okta admin console, Security > Authentication policies)',
        'Assigned applications: AWS production account, Admin console, Argo CD, Grafana, PostgreSQL bastion',
        'Rule 1: Any user - any network - require Okta FastPass or FIDO2 security key',
        'Rule 2: Password + SMS / email factors - DENY',
        'Local sign-in for assigned applications: disabled',
        'Policy change history 2026-01-01 to 2026-09-30: no changes',
      ]),
    description: 'Identity provider sign-on policy for production applications, with its change history.',
    receivedOn: '2026-10-07',
    asOf: '2026-06-30',
    source: 'client',
    sourcePerson: 'Marco Silva',
    links: [
      { kind: 'control', ref: 'AC-01' },
      { kind: 'sample-item', controlRef: 'AC-01', position: 1 },
    ],
  },
  {
    fileName: 'access-control-policy-v4.txt',
    mediaType: 'text/plain',
    bytes: utf8(
      [
        'Lumenfield Analytics - Access Control Policy - version 4 (approved 15 January 2026 by the CEO)',
        '',
        '3.1 Access to production systems is requested through a ticket and approved by the system owner before it is granted.',
        '3.2 Access is granted through identity provider groups only; local accounts are not permitted.',
        '3.3 Accounts of leavers are disabled on the termination date.',
        '3.4 System owners review user access each quarter; removals are completed within 10 business days.',
        '',
      ].join('\n'),
    ),
    description: 'Access control policy in force during the period (handed over in the CISO interview).',
    receivedOn: '2026-09-10',
    asOf: '2026-01-15',
    source: 'request',
    requestNumber: 1,
    links: [
      { kind: 'interview', index: 0 },
      { kind: 'control', ref: 'AC-02' },
      { kind: 'control', ref: 'AC-03' },
    ],
  },
  {
    fileName: 'PR-4812-review.txt',
    mediaType: 'text/plain',
    bytes: utf8(
      [
        'GitHub pull request #4812 - Tenant export retries (LUM-3377)',
        'Author: o.haddad   Opened: 2026-08-25 16:12 UTC',
        'Checks: build ✓  unit-tests ✓  integration-tests ✓',
        'Review: g.kim APPROVED 2026-08-27 10:48 UTC',
        'Merged: 2026-08-27 13:55 UTC by o.haddad (branch protection: 1 approval required, bypass disabled)',
        '',
      ].join('\n'),
    ),
    description: 'Review and approval of the pull request traced in the change management walkthrough.',
    receivedOn: '2026-09-04',
    asOf: '2026-08-27',
    source: 'auditor',
    links: [
      { kind: 'walkthrough', index: 0, step: 2 },
      { kind: 'control', ref: 'CM-01' },
    ],
  },
  {
    fileName: 'okta-users-admin-console-2026-06-30.csv',
    mediaType: 'text/csv',
    bytes: utf8(
      [
        'Login,Name,Group,Status,Last login',
        'm.silva,Marco Silva,admin-console-admin,ACTIVE,2026-06-29',
        'p.raman,Priya Raman,admin-console-admin,ACTIVE,2026-06-30',
        'h.tanaka,Hana Tanaka,admin-console-support,ACTIVE,2026-06-30',
        'n.sato,Noah Sato,admin-console-support,ACTIVE,2026-06-28',
        'j.doe,Jordan Doe,admin-console-support,ACTIVE,2026-06-30',
        '',
      ].join('\r\n'),
    ),
    description: 'Users with admin console access as of 30 June 2026 (the CISO interview follow-up).',
    receivedOn: '2026-09-12',
    asOf: '2026-06-30',
    source: 'client',
    sourcePerson: 'Marco Silva',
    links: [
      { kind: 'control', ref: 'AC-04' },
      { kind: 'walkthrough', index: 1 },
      { kind: 'interview', index: 0 },
    ],
  },
  {
    fileName: 'ACC-ticket-history-exception.txt',
    mediaType: 'text/plain',
    bytes: utf8(
      [
        'Jira Service Management - ticket history (exported 2026-10-09)',
        'Status IN PROGRESS -> GRANTED   by r.patel   (Okta group added; comment: "approved by phone, incident INC-311")',
        'Approval: APPROVED by m.silva   recorded the next morning, 08:12',
        '',
      ].join('\n'),
    ),
    description: 'Ticket history of the access request with the late approval (exception EX-01).',
    receivedOn: '2026-10-09',
    asOf: null,
    source: 'client',
    sourcePerson: 'Marco Silva',
    links: [{ kind: 'sample-item', controlRef: 'AC-02', position: AC02_EXCEPTION_POSITION }],
  },
];
