/**
 * The SOC 2 report as a document model: cover, contents, Sections I–V. A readiness assessment gets its
 * letter instead. The layout engine (`../pdf`) turns the model into pages.
 */
import type { EngagementSnapshot } from '../../domain/snapshot';
import type { PdfDocumentModel, PdfSection } from '../pdf/model';
import { reportContext } from './context';
import { section2, section3 } from './description';
import { cover, kindWords, metadata, reportTitle, runningHeader, watermark } from './front';
import { buildReadinessModel } from './readiness';
import { section1 } from './section1';
import { section4 } from './section4';
import { section5 } from './section5';
import { fillTemplate, templateText } from './templates';
import type { ReportOptions } from './types';
import { valuesFor } from './values';

export function buildReportModel(snapshot: EngagementSnapshot, options: ReportOptions): PdfDocumentModel {
  if (snapshot.engagement.kind === 'readiness') return buildReadinessModel(snapshot, options);
  const ctx = reportContext(snapshot);
  const values = valuesFor(ctx);
  const sections: PdfSection[] = [section1(ctx, values), section2(ctx), section3(ctx), section4(ctx, values)];
  const fifth = section5(ctx, values);
  if (fifth) sections.push(fifth);
  const kicker = kindWords(ctx);
  const { title, continuation } = reportTitle(ctx);
  return {
    metadata: metadata(ctx, options),
    runningHeader: runningHeader(ctx),
    runningFooter: 'Restricted use — see Section I',
    watermark: watermark(ctx),
    cover: cover(ctx, options, {
      kicker,
      title,
      continuation,
      noticeText: fillTemplate(templateText(ctx.settings, 'cover-notice'), values),
    }),
    toc: { title: 'Contents' },
    sections,
  };
}
