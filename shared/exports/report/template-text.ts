/**
 * Fieldwork's default wording of the report's and the letter's paragraphs: our own neutral attestation
 * prose covering the elements soc2-domain.md §4.1 requires, not AICPA illustrative text. Structured text:
 * blank lines separate paragraphs, `-` starts a list item, `*title*` italicises. Placeholders in braces are
 * listed in `TEMPLATE_PLACEHOLDERS` (templates.ts).
 */

const DC200 =
  "DC section 200, *2018 Description Criteria for a Description of a Service Organization's System in a SOC 2 Report (With Revised Implementation Guidance — 2022)* (the description criteria)";
const TSP100 =
  'TSP section 100, *2017 Trust Services Criteria for Security, Availability, Processing Integrity, Confidentiality, and Privacy (With Revised Points of Focus — 2022)*';

export const ADDRESSEE = 'To the Management of {organization}:';

export const SCOPE_TYPE2 = `{examined} the description of the {system} of {organization} {period} (the description), set out in Section III of this report, which management prepared on the basis of ${DC200}. The examination also addressed the suitability of the design and the operating effectiveness of the controls stated in the description {period} to provide reasonable assurance that the service commitments and system requirements of {organization} were achieved based on the trust services criteria relevant to {categories} (the applicable trust services criteria) set out in ${TSP100}.`;

export const SCOPE_TYPE1 = `{examined} the description of the {system} of {organization} {period} (the description), set out in Section III of this report, which management prepared on the basis of ${DC200}. The examination also addressed the suitability of the design of the controls stated in the description {period} to provide reasonable assurance that the service commitments and system requirements of {organization} would be achieved based on the trust services criteria relevant to {categories} (the applicable trust services criteria) set out in ${TSP100}.

We did not perform procedures on the operating effectiveness of the controls stated in the description and accordingly express no opinion on it.`;

export const SCOPE_INCLUSIVE =
  '{organization} uses {inclusive} to perform some of the services described in Section III. The description presents the relevant controls of {inclusive} using the inclusive method, and our examination covered those controls together with the controls of {organization}.';

export const CARVE_OUT =
  '{organization} uses {subservice} (the {subserviceNoun}) to perform some of the services described in Section III. The description includes only the controls of {organization}: the controls of the {subserviceNoun} are excluded from it under the carve-out method. The description also states that some of the applicable trust services criteria can be met only if controls at the {subserviceNoun} that {organization} assumed when designing its own controls (complementary subservice organization controls) are suitably designed{andOperatingEffectively}, together with the related controls at {organization}. Our examination did not extend to the complementary subservice organization controls, and we have not evaluated whether they are suitably designed{andOperatingEffectively}.';

export const CUEC =
  'The description further states that some of the applicable trust services criteria can be met only if the controls that {organization} assumed its user entities would implement (complementary user entity controls) are suitably designed{andOperatingEffectively}, together with the related controls at {organization}. Section III lists these controls. Our examination did not extend to the complementary user entity controls, and we have not evaluated whether they are suitably designed{andOperatingEffectively}.';

export const SECTION5_SCOPE =
  'Section V, "Other information provided by {organization}", is presented by management to give report users additional information and is not part of the description. We did not apply the procedures of our examination to it and accordingly express no opinion on it.';

export const ORG_RESPONSIBILITIES =
  '{organization} is responsible for its service commitments and system requirements and for designing, implementing and operating effective controls within the system to provide reasonable assurance that those commitments and requirements are achieved. In Section II, {organization} has provided its assertion about the description and about {controlsExamined} (the assertion). {organization} is also responsible for preparing the description and the assertion, including the completeness, accuracy and method of presentation of both; for providing the services the description covers; for selecting the applicable trust services criteria and stating the related controls in the description; and for identifying the risks that threaten the achievement of its service commitments and system requirements.';

const PROCEDURES_COMMON = `- gaining an understanding of the system, of the service commitments and system requirements of {organization}, and of how its controls address them;
- identifying and assessing the risks that the description is not presented in accordance with the description criteria and that the controls were not suitably designed{orDidNotOperate};
- obtaining evidence about whether the description is presented in accordance with the description criteria;
- obtaining evidence about whether the controls stated in the description were suitably designed to provide reasonable assurance that the service commitments and system requirements would be achieved based on the applicable trust services criteria;`;

export const AUDITOR_RESPONSIBILITIES_TYPE2 = `Our responsibility is to express an opinion, based on our examination, on the description and on the suitability of the design and the operating effectiveness of the controls stated in the description. We conducted our examination in accordance with attestation standards established by the American Institute of Certified Public Accountants. Under those standards, we plan and perform the examination to obtain reasonable assurance about whether, in all material respects, the description is presented in accordance with the description criteria and the controls stated in the description were suitably designed and operated effectively {period} to provide reasonable assurance that the service commitments and system requirements of {organization} were achieved based on the applicable trust services criteria. We believe that the evidence we obtained is sufficient and appropriate to support our opinion.

Our examination included:

${PROCEDURES_COMMON.replace('{orDidNotOperate}', ' or did not operate effectively')}
- testing whether those controls operated effectively {period} to provide reasonable assurance that the service commitments and system requirements were achieved based on the applicable trust services criteria;
- evaluating the overall presentation of the description.

It also included such other procedures as we considered necessary in the circumstances.`;

export const AUDITOR_RESPONSIBILITIES_TYPE1 = `Our responsibility is to express an opinion, based on our examination, on the description and on the suitability of the design of the controls stated in the description. We conducted our examination in accordance with attestation standards established by the American Institute of Certified Public Accountants. Under those standards, we plan and perform the examination to obtain reasonable assurance about whether, in all material respects, the description is presented in accordance with the description criteria and the controls stated in the description were suitably designed {period} to provide reasonable assurance that the service commitments and system requirements of {organization} would be achieved based on the applicable trust services criteria. We believe that the evidence we obtained is sufficient and appropriate to support our opinion.

Our examination included:

${PROCEDURES_COMMON.replace('{orDidNotOperate}', '')}
- evaluating the overall presentation of the description.

It also included such other procedures as we considered necessary in the circumstances.`;

export const AUDITOR_RESPONSIBILITIES_DISCLAIMER =
  'Our responsibility is to conduct an examination of the description and of {controlsExamined} in accordance with attestation standards established by the American Institute of Certified Public Accountants, and to issue a report. Because of the matters described in the basis for disclaimer of opinion below, however, we were not able to obtain sufficient appropriate evidence to provide a basis for an opinion.';

export const INDEPENDENCE =
  'We are required to be independent of {organization} and to fulfill our other ethical responsibilities under the ethical requirements that apply to this examination engagement.';

export const INHERENT_LIMITATIONS = `The description is prepared to meet the common needs of a broad range of report users and may therefore not include every aspect of the system that an individual user may consider important to its own needs.

By their nature, controls may not always operate effectively enough to provide reasonable assurance that the service commitments and system requirements of {organization} are achieved based on the applicable trust services criteria. Controls may not prevent, or detect and correct, every error or instance of fraud, and human error, collusion or management override can defeat them. Projecting any evaluation of the controls, or any conclusion about their design or operation, to later periods is subject to the risk that controls become inadequate because conditions change or that compliance with them deteriorates.`;

export const TESTS_DESCRIPTION =
  'Section IV of this report lists the controls we tested, the nature, timing and extent of our tests, and their results. It also describes how we evaluated information produced by {organization} that we used as evidence.';

export const BASIS_QUALIFIED =
  'The matters described below caused the following applicable trust services criteria not to be met {period}:';
export const BASIS_ADVERSE =
  'The matters described below are, in our judgment, both material and pervasive. They caused the following applicable trust services criteria not to be met {period}:';
export const BASIS_DISCLAIMER =
  'We were not able to obtain sufficient appropriate evidence on which to base an opinion, for the reasons described below. The possible effects of these matters on the description and on the controls could be both material and pervasive.';

const PART_A =
  'a. the description presents the {system} that {organization} designed and implemented {period}, in accordance with the description criteria;';
const PART_B =
  'b. the controls stated in the description were suitably designed {period} to provide reasonable assurance that the service commitments and system requirements of {organization} would be achieved based on the applicable trust services criteria, if those controls operated effectively{complementary}';
const PART_C =
  'c. the controls stated in the description operated effectively {period} to provide reasonable assurance that the service commitments and system requirements of {organization} were achieved based on the applicable trust services criteria{complementary}.';

const parts = (type2: boolean) =>
  type2 ? `${PART_A}\n\n${PART_B}; and\n\n${PART_C}` : `${PART_A} and\n\n${PART_B}.`;

export const OPINION_UNMODIFIED = (type2: boolean) =>
  `In our opinion, in all material respects:\n\n${parts(type2)}`;
export const OPINION_QUALIFIED = (type2: boolean) =>
  `In our opinion, except for the effects of the matters described in the basis for qualified opinion above, in all material respects:\n\n${parts(type2)}`;
export const OPINION_ADVERSE = (type2: boolean) =>
  type2
    ? 'In our opinion, because of the significance of the matters described in the basis for adverse opinion above, the controls stated in the description did not provide reasonable assurance {period} that the service commitments and system requirements of {organization} were achieved based on the applicable trust services criteria.'
    : 'In our opinion, because of the significance of the matters described in the basis for adverse opinion above, the controls stated in the description were not suitably designed {period} to provide reasonable assurance that the service commitments and system requirements of {organization} would be achieved based on the applicable trust services criteria.';
export const OPINION_DISCLAIMER =
  'Because of the significance of the matters described in the basis for disclaimer of opinion above, we could not obtain sufficient appropriate evidence on which to base an opinion. We therefore do not express an opinion on whether the description is presented in accordance with the description criteria, or on {controlsExamined}.';

export const RESTRICTED_USE = `This report is intended solely for the information and use of the management of {organization}; user entities of the {system} {period}; business partners of {organization} that are exposed to risks arising from their interactions with the system; practitioners who provide services to those user entities and business partners; prospective user entities and business partners; and regulators. It is meant for readers who understand:

- the nature of the services {organization} provides;
- how the system interacts with user entities, business partners, subservice organizations and other parties;
- internal control and its limitations;
- complementary user entity controls and complementary subservice organization controls, and how they work with the controls of {organization} to meet the applicable trust services criteria;
- the applicable trust services criteria;
- the risks that may threaten the achievement of the service commitments and system requirements of {organization}, and how controls address those risks.

No one other than these specified parties should use this report.`;

export const COVER_NOTICE = `**Restricted use.** This report is intended only for the specified parties named in the restricted use paragraph of Section I. It is not for general distribution.

**Confidential.** This report describes the system and controls of {organization}. Do not copy or pass it on without the consent of {organization}.`;

export const SECTION4_INTRO_TYPE2 = `This section lists the controls that {organization} specified in its description to meet the applicable trust services criteria, the tests of controls we performed and the results of those tests. The control activities are the responsibility of {organization}; the tests applied and their results are ours.

Our tests of operating effectiveness were designed to cover the period {periodDates} and used one or more of the following procedures:

- **Inquiry:** asking appropriate personnel of {organization} how the control is performed, always corroborated by another procedure;
- **Observation:** watching the control being performed;
- **Inspection:** examining documents, records, configurations, tickets and logs that show the control was performed;
- **Reperformance:** performing the control, or part of it, again independently to confirm its outcome.

Where we used information produced by {organization}, such as system-generated lists and reports, as evidence (including the populations we sampled from), we evaluated whether it was sufficiently reliable for our purposes: we obtained an understanding of how it was produced and tested its completeness and accuracy, for example by checking the report parameters against the period and tracing items from the source system to the report and from the report back to the source system.

Where a test found deviations, the results column describes them. "No exceptions noted" means that the test found no deviation in the items examined.`;

export const SECTION4_INTRO_TYPE1 =
  'This section lists the controls that {organization} specified in its description to meet the applicable trust services criteria. The control activities are the responsibility of {organization}. Our examination addressed the suitability of the design of these controls {period}; we did not test their operating effectiveness, so this section does not describe tests of operating effectiveness or their results.';

export const SECTION5_NOTICE =
  'The information in this section is presented by the management of {organization} to give report users additional information. It is not part of the description of the system in Section III. {firm} did not examine it, and the opinion in Section I does not cover it.';

export const READINESS_ADDRESSEE = 'To the Management of {organization}:';

export const READINESS_INTRO =
  'At your request, {firm} performed a readiness assessment of the {system} of {organization} {period}, in preparation for a SOC 2 examination. The assessment considered the trust services criteria relevant to {categories} (the applicable trust services criteria) in TSP section 100. This letter summarizes what we found and the matters we recommend addressing before the examination.';

export const READINESS_APPROACH = `Our work consisted of:

- reading the description of the system and the controls that {organization} identified, and mapping each control to the applicable trust services criteria;
- interviewing personnel and walking through selected processes to understand how the controls are designed and whether they have been placed in operation;
- inspecting the documents and records provided in response to our requests;
- identifying criteria that no control addresses, controls that are not designed to meet their criteria, and controls for which evidence of performance was not yet available.`;

export const READINESS_NATURE =
  'A readiness assessment is not an examination or a review under attestation standards. We did not test whether the controls operated effectively over a period, and we do not express an opinion or any other form of assurance on the description of the system, on the design of the controls, or on whether the service commitments and system requirements of {organization} are achieved. A later SOC 2 examination may identify matters that this assessment did not. This letter is intended solely for the use of the management of {organization}.';

export const READINESS_CLOSING =
  'We appreciate the cooperation of your personnel during the assessment and would be pleased to discuss the matters in this letter with you.';

export const READINESS_COVER_NOTICE =
  "**For management's use only.** This letter is intended solely for the management of {organization}. It is not a SOC 2 report and provides no assurance.";
