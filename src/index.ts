// protective-orders: UK protective orders against stalking as typed models and explainable, cited rules.
// The core: browser-safe (no Node built-ins). The batch layer (src/batch) and the edges (src/cli, src/server,
// src/report) are Node-only, never imported from here, and built separately (.dependency-cruiser.cjs checks it).

export {
  type AssessOptions,
  assess,
  type BundledRulesOptions,
  type SafeAssessResult,
  safeAssess,
} from "./assess/assess.js";
export type {
  Assessment,
  BundledAssessment,
  Notice,
  NoticeCode,
  Question,
  Recommendation,
  RecommendedOrder,
} from "./assess/assessment.js";
export {
  type CaseloadFigureCounter,
  type CaseloadFigures,
  createCaseloadFigures,
  type OutcomeCounts,
  RESPONSE_BANDS,
  type ResponseBand,
} from "./assess/caseload-figures.js";
export { type CaseloadSummary, summarizeAssessments } from "./assess/summarize.js";
export {
  addDaysToDate,
  addYearsToDate,
  ageOnDate,
  daysBetweenDates,
  todayInLondon,
} from "./dates/calendar.js";
// The rule set `assess` takes (`AssessOptions.rules`); how to build one is in protective-orders/rule-authoring.
export type { CompiledRuleSet } from "./evaluate/compile.js";
export * from "./evaluate/types.js";
export {
  answerQuestion,
  INTERVIEW_ACT_KINDS,
  type InterviewAct,
  type InterviewAnswer,
  InterviewAnswerError,
  type InterviewAnswerOption,
  type InterviewAnswerType,
  type InterviewQuestion,
  type NextQuestionOptions,
  nextQuestion,
} from "./interview/interview.js";
export type { FactId, LimbId, RuleId, RuleOrder } from "./law/bundled-names.js";
export type { Citation, Confidence, InForcePeriod, Instrument, Provision } from "./law/citation.js";
export { citationFor } from "./law/citations.js";
export { getProvision, listInstruments, listProvisions, provisionUrl } from "./law/registry.js";
export { type BreachReport, BreachReportSchema } from "./model/breach-report.js";
export * from "./model/case-facts.js";
export { type CaseFactsDoc, caseFactsDocs } from "./model/case-facts-docs.js";
export { CASE_FACTS_SCHEMA_ID, caseFactsJsonSchema } from "./model/case-facts-json-schema.js";
export * from "./model/decline-reason-code.js";
export { CaseFactsError } from "./model/errors.js";
export * from "./model/existing-order.js";
export * from "./model/iso-date.js";
export * from "./model/order.js";
export * from "./model/order-kind.js";
export * from "./model/parse-case-facts.js";
export * from "./model/police-force-names.js";
export * from "./model/police-forces.js";
export * from "./model/readonly-input.js";
export {
  assessBreaches,
  type BreachFinding,
  type BreachOffence,
  breachOffenceFor,
  safeAssessBreaches,
} from "./orders/assess-breaches.js";
export {
  bankHolidayYears,
  isBankHolidayInEnglandAndWales,
  isDisregardedDay,
} from "./orders/calendar-rules.js";
export {
  type DapnHearingDeadline,
  type DapnHearingDeadlineOptions,
  dapnHearingDeadline,
  safeDapnHearingDeadline,
} from "./orders/dapn-hearing-deadline.js";
export {
  type DraftSpoTerms,
  type DraftTerm,
  draftSpoTerms,
  safeDraftSpoTerms,
} from "./orders/draft-spo-terms.js";
export { generalLimitFor, type SummaryMaximum } from "./orders/general-limit.js";
export {
  isNorthernIrelandOrder,
  type NorthernIrelandNotificationStatus,
  type NorthernIrelandOrder,
} from "./orders/northern-ireland.js";
export {
  type NotificationCase,
  type NotificationDuty,
  notificationDuty,
  safeNotificationDuty,
} from "./orders/notification-deadlines.js";
export { type OrderDates, orderDates, safeOrderDates } from "./orders/order-dates.js";
export {
  classifyDomesticViolenceProtectionTerm,
  type DomesticViolenceProtectionTermKind,
} from "./orders/premises-and-molestation-terms.js";
export { type OrderIssue, type OrderValidation, validateOrder } from "./orders/validate-order.js";
export { type ChallengeSummaryOptions, challengeSummary } from "./render/challenge-summary.js";
export { type ExplainOptions, explain } from "./render/explain.js";
export {
  SPO_DOCUMENT_CSS,
  type SpoDocumentOptions,
  spoApplicationPack,
  spoRequestLetter,
} from "./render/spo-documents.js";
export {
  classifyDeclineReason,
  DECLINE_REASONS,
  type DeclineReasonDefinition,
  type DeclineReasonTest,
} from "./review/decline-reasons.js";
export type {
  DeclineReview,
  DeclineVerdict,
  ReasonFinding,
  ReasonFindingKind,
} from "./review/decline-review.js";
export {
  type DeclineTextPart,
  type DeclineTextPartStatus,
  type DeclineTextReading,
  declineReasonCodes,
  type ReadDeclineTextOptions,
  readDeclineText,
} from "./review/read-decline-text.js";
export { NORTHERN_IRELAND_DECLINE_REASONS } from "./review/review-northern-ireland-decline.js";
export { type ReviewOptions, reviewSpoDecline, safeReviewSpoDecline } from "./review/review-spo-decline.js";
