/**
 * Hand-built document models for the PDF layout tests: a report-like document with every kind of block, a
 * long table, and the fonts read from `assets/fonts/`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PdfBlock, PdfDocumentModel, PdfFonts, PdfSection, TableRow } from '../../../shared/exports/pdf';

const FONT_DIR = join(import.meta.dirname, '../../../assets/fonts');

export function loadFonts(): PdfFonts {
  const read = (name: string) => new Uint8Array(readFileSync(join(FONT_DIR, name)));
  return {
    regular: read('NotoSans-Regular.ttf'),
    bold: read('NotoSans-Bold.ttf'),
    italic: read('NotoSans-Italic.ttf'),
    boldItalic: read('NotoSans-BoldItalic.ttf'),
    cjk: read('NotoSansJP-Regular.ttf'),
  };
}

/** The line whose glyphs must render (ink), not only extract. */
export const UNICODE_LINE = 'Łódź Müller 東京 ’quoted’ “double” – — ✓';

export const LONG_TABLE_HEADER = [
  'Control',
  'Control activity',
  'Tests applied by the service auditor',
  'Results',
];

const LOREM =
  'The service organization restricts logical access to production systems to authorized personnel based on job responsibilities, and reviews that access each quarter.';

/** Rows of the Section IV-style table: `CC-001` … with a test and a result each. */
export function controlRows(count: number, exceptionsEvery = 7): TableRow[] {
  const rows: TableRow[] = [];
  for (let i = 1; i <= count; i += 1) {
    if (i % 10 === 1)
      rows.push({
        kind: 'group',
        runs: [{ text: `CC${Math.ceil(i / 10)}.1 Criterion group ${Math.ceil(i / 10)}` }],
      });
    const ref = `CC-${String(i).padStart(3, '0')}`;
    const exception = i % exceptionsEvery === 0;
    rows.push({
      kind: 'row',
      ...(exception ? { tone: 'exception' as const } : {}),
      cells: [
        [{ text: ref, bold: true }],
        [{ text: `${LOREM.slice(0, 60 + (i % 5) * 20)} (${ref}).` }],
        [{ text: 'Inspected the access review for a sample of quarters and the approvals recorded.' }],
        [
          {
            text: exception
              ? `Exception noted for ${ref}: one review was completed late.`
              : 'No exceptions noted.',
          },
        ],
      ],
    });
  }
  return rows;
}

export function controlTable(count: number): PdfBlock {
  return {
    kind: 'table',
    caption: 'Controls, tests and results',
    columns: LONG_TABLE_HEADER.map((header, i) => ({ header, width: [1, 3, 3, 2][i] ?? 1 })),
    rows: controlRows(count),
    size: 'small',
  };
}

function richSection(): PdfSection {
  return {
    id: 'section-3',
    kicker: 'Section III',
    title: 'Description of the System',
    blocks: [
      { kind: 'heading', level: 2, text: 'Company overview' },
      {
        kind: 'paragraph',
        runs: [
          { text: 'Lumenfield Analytics, Inc. ', bold: true },
          { text: `provides hosted analytics to retailers. ${LOREM} ` },
          { text: 'Its people work from offices in Boston and Kraków.', italic: true },
        ],
        align: 'justify',
      },
      { kind: 'paragraph', runs: [{ text: `Team members: ${UNICODE_LINE}` }] },
      { kind: 'heading', level: 3, text: 'Principal service commitments' },
      {
        kind: 'list',
        ordered: false,
        items: [
          [{ text: 'Availability of the analytics platform of 99.9% each month.' }],
          [{ text: `Encryption of customer data in transit and at rest. ${LOREM}` }],
          [{ text: 'Notification of security incidents within 72 hours.' }],
        ],
      },
      {
        kind: 'list',
        ordered: true,
        items: Array.from({ length: 11 }, (_, i) => [
          { text: `Step ${i + 1} of the change process: ${LOREM.slice(0, 40 + i * 7)}.` },
        ]),
      },
      { kind: 'heading', level: 2, text: 'Infrastructure and software' },
      {
        kind: 'table',
        columns: [
          { header: 'Component', width: 1 },
          { header: 'Purpose', width: 2 },
        ],
        rows: [
          { kind: 'row', cells: [[{ text: 'Kubernetes' }], [{ text: 'Runs the application services.' }]] },
          {
            kind: 'row',
            cells: [[{ text: 'PostgreSQL' }], [{ text: 'Stores customer data, encrypted at rest.' }]],
          },
        ],
      },
      { kind: 'heading', level: 2, text: 'Complementary user entity controls', toc: false },
      {
        kind: 'paragraph',
        runs: [{ text: 'User entities are responsible for the controls below.' }],
        size: 'small',
      },
      {
        kind: 'facts',
        rows: [
          { label: 'Prepared by', value: [{ text: 'Ana Müller, CPA' }] },
          { label: 'Date', value: [{ text: 'November 23, 2026' }] },
        ],
      },
    ],
  };
}

export interface ModelOptions {
  watermark?: string | null;
  sections?: PdfSection[];
  toc?: boolean;
}

export function reportModel(options: ModelOptions = {}): PdfDocumentModel {
  const sections = options.sections ?? [
    {
      id: 'section-1',
      kicker: 'Section I',
      title: 'Independent Service Auditor’s Report',
      blocks: [
        { kind: 'heading', level: 2, text: 'Scope' },
        { kind: 'paragraph', runs: [{ text: LOREM }, { text: ' ' }, { text: LOREM }], align: 'justify' },
        { kind: 'heading', level: 2, text: 'Opinion' },
        {
          kind: 'paragraph',
          runs: [{ text: 'In our opinion, in all material respects, the controls were suitably designed.' }],
        },
        {
          kind: 'facts',
          rows: [
            { label: 'Firm', value: [{ text: 'Harbor & Quill LLP' }] },
            { label: 'City', value: [{ text: 'Boston, Massachusetts' }] },
          ],
        },
      ],
    },
    {
      id: 'section-2',
      kicker: 'Section II',
      title: 'Management’s Assertion',
      blocks: [
        {
          kind: 'paragraph',
          runs: [{ text: 'We have prepared the accompanying description of the system.' }],
        },
      ],
    },
    richSection(),
    {
      id: 'section-4',
      kicker: 'Section IV',
      title: 'Trust Services Criteria, Controls, Tests and Results',
      blocks: [{ kind: 'heading', level: 2, text: 'Common criteria' }, controlTable(120)],
    },
    {
      id: 'section-5',
      kicker: 'Section V',
      title: 'Other Information Provided by Management',
      blocks: [
        {
          kind: 'paragraph',
          box: true,
          runs: [{ text: 'This information is not covered by the service auditor’s opinion.', bold: true }],
        },
      ],
    },
  ];
  return {
    metadata: {
      title: 'SOC 2 Type 2 report — Lumenfield Analytics, Inc.',
      author: 'Harbor & Quill LLP',
      subject: 'Report on controls relevant to security, availability and confidentiality',
      keywords: ['SOC 2', 'Type 2', 'Lumenfield'],
      creator: 'Fieldwork',
      producer: 'Fieldwork PDF engine',
      creationDate: new Date('2026-11-23T10:00:00Z'),
      language: 'en-US',
    },
    runningHeader: 'Lumenfield Analytics, Inc. — SOC 2 Type 2 report',
    runningFooter: 'Restricted use — Harbor & Quill LLP',
    watermark: options.watermark === undefined ? 'DRAFT' : options.watermark,
    cover: {
      kicker: 'SOC 2 Type 2 report',
      title: 'Lumenfield Insights Platform',
      subtitle: ['Lumenfield Analytics, Inc.', 'For the period October 1, 2025 to September 30, 2026'],
      facts: [
        { label: 'Categories', value: 'Security, Availability, Confidentiality' },
        { label: 'Service auditor', value: 'Harbor & Quill LLP' },
      ],
      notice: [
        [
          { text: 'Restricted use. ', bold: true },
          {
            text: 'This report is intended solely for the information and use of the service organization and its user entities.',
          },
        ],
        [{ text: 'Confidential. Do not distribute outside the intended users.' }],
      ],
      firm: 'Harbor & Quill LLP',
    },
    toc: options.toc === false ? null : { title: 'Contents' },
    sections,
  };
}
