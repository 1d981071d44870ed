/** The public shapes of the report content builder (see `index.ts` for the functions). */
import type { EngagementKind } from '../../domain/engagement/schema';
import type { OpinionType } from '../../domain/engagement/report-settings';
import type { CriterionStatus } from '../../domain/fieldwork/rollup';
import type { ExportPerson } from '../progress';

export interface ReportOptions {
  generatedAt: Date;
  /** The name of whoever builds the file (printed on a draft's cover). */
  generatedBy: string;
  appVersion: string;
  /** The profiles the workpapers name; lets `generatedBy` be a profile id as well as a name. */
  people?: readonly ExportPerson[];
}

/** A criterion behind a modified opinion, as the basis paragraph and the opinion screen list it. */
export interface AffectedCriterion {
  criterionId: string;
  /** Our short paraphrased title from the catalog. */
  title: string;
  status: CriterionStatus;
  /** References of the controls that failed (or, when none is marked failed, of every mapped control). */
  controls: string[];
}

/** What the criteria roll-up suggests; the auditor chooses the opinion. */
export interface OpinionSuggestion {
  opinion: OpinionType;
  affected: AffectedCriterion[];
  /** Sentences for the auditor explaining the suggestion and what it does not yet cover. */
  reasons: string[];
}

/** What decides whether a template paragraph applies to an engagement. */
export interface TemplateContext {
  kind: EngagementKind;
  /** A live subservice organization presented with the carve-out method exists. */
  carveOut: boolean;
  /** A live subservice organization presented with the inclusive method exists. */
  inclusive: boolean;
  /** The engagement lists complementary user entity controls (not mere user responsibilities). */
  cuecs: boolean;
  /** Section V is printed (it is chosen and some exception has a management response). */
  section5: boolean;
}

/** A firm-editable paragraph of the report or letter, with the wording Fieldwork ships. */
export interface ReportTemplate {
  /** Stored in `engagement.report.templates`; readiness letter keys start with `readiness`. */
  key: string;
  /** The name the wording screen lists it under. */
  title: string;
  /** Where it appears and what it must keep saying. */
  help: string;
  /** Whether the paragraph is printed for an engagement like this; absent means always. */
  appliesTo?: (ctx: TemplateContext) => boolean;
  /** Structured text (paragraphs separated by blank lines, `-` lists, **bold**) with `{placeholders}`. */
  defaultText: string;
}

export type ReportCheckSeverity = 'blocker' | 'warning';

/** Something to settle before the report goes out. None of it stops a draft export. */
export interface ReportCheck {
  severity: ReportCheckSeverity;
  /** Written for the auditor: what is missing and what the report shows meanwhile. */
  message: string;
  /** The engagement area (route) where it is fixed, e.g. `description`, `tests`, `report`. */
  area: string;
}
