/** The placeholders a template may use, documented for the wording screen (filled by `valuesFor`). */

/** Placeholders the templates may use, with what each becomes, for the wording screen's help. */
export const TEMPLATE_PLACEHOLDERS: readonly { name: string; meaning: string }[] = [
  { name: 'organization', meaning: 'The service organization, e.g. "Lumenfield Analytics, Inc."' },
  { name: 'system', meaning: 'The system examined.' },
  { name: 'reportType', meaning: '"SOC 2 Type 2", "SOC 2 Type 1" or "Readiness assessment".' },
  {
    name: 'period',
    meaning: '"throughout the period January 1, 2026 to September 30, 2026" or "as of September 30, 2026".',
  },
  { name: 'periodDates', meaning: '"January 1, 2026 to September 30, 2026" or "September 30, 2026".' },
  {
    name: 'categories',
    meaning: 'The categories in scope, e.g. "security, availability, and confidentiality".',
  },
  { name: 'firm', meaning: 'The service auditor (the firm).' },
  {
    name: 'subservice',
    meaning: 'The carved-out subservice organizations, e.g. "Amazon Web Services, Inc. and Okta, Inc.".',
  },
  {
    name: 'subserviceNoun',
    meaning: '"subservice organization" or "subservice organizations", matching their number.',
  },
  { name: 'inclusive', meaning: 'The subservice organizations presented with the inclusive method.' },
  { name: 'reportDate', meaning: 'The report date, or "[Report date]" while it is not set.' },
  { name: 'city', meaning: 'Where the report is signed, or "[City, State]" while it is not set.' },
  { name: 'criteria', meaning: 'The criteria behind a modified opinion, e.g. "CC7.1 (…)".' },
  {
    name: 'examined',
    meaning: '"We have examined", or "We were engaged to examine" for a disclaimer of opinion.',
  },
  {
    name: 'controlsExamined',
    meaning:
      '"the suitability of the design (and the operating effectiveness) of the controls stated in the description".',
  },
  {
    name: 'andOperatingEffectively',
    meaning: '" and operating effectively" in a Type 2 report, nothing in a Type 1.',
  },
  {
    name: 'complementary',
    meaning: 'A clause on the complementary controls the criteria rely on, or nothing when there are none.',
  },
];
