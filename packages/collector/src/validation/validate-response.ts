import { Model } from 'survey-core';
import {
  AnswerError,
  checkAnswers,
  DEFAULT_ANSWER_LIMITS,
  QUESTION_TYPES,
  readSurvey,
  type AnswerLimits,
  type QuestionTypes,
  type ResponseMeta,
  type SurveyReading,
} from '@pupil-voice/schema';
import { CollectorError } from '../errors.js';

export { DEFAULT_ANSWER_LIMITS, type AnswerLimits } from '@pupil-voice/schema';

/** Definition properties that make survey-core's own checks meaningful for a completed response. */
const CHECKED_PROPERTIES = new Set([
  'isRequired', 'requiredIf', 'validators', 'min', 'max', 'minValueExpression', 'maxValueExpression',
  'eachRowRequired', 'isAllRowRequired', 'eachRowUnique', 'minSelectedChoices', 'minRowCount',
  'maxRowCount', 'minPanelCount', 'maxPanelCount', 'isUnique', 'keyName', 'inputType',
]);

function mentionsAny(value: unknown, names: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.some((item) => mentionsAny(item, names));
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, inner]) => names.has(key) || mentionsAny(inner, names));
}

/**
 * Validates completed responses to one SurveyJS definition, in two passes: first the
 * structural check of every answer by its question type's descriptor (`@pupil-voice/schema`:
 * names exist, values fit choices, rows, columns, items and panels, types and sizes), the same
 * reading aggregate tallies from; then survey-core's own validators and required checks on a
 * Model holding the answers, with the survey variable `audience` set from the response's
 * `meta.audience`, so conditions (`visibleIf`, `requiredIf`) are honoured exactly as the
 * respondent's browser honoured them. Throws a {@link CollectorError} naming the first field
 * at fault.
 *
 * Building a survey-core Model costs milliseconds, so one is built per definition and reused
 * (validation is synchronous, so requests never share it concurrently).
 */
export class ResponseValidator {
  readonly reading: SurveyReading;
  private readonly model: Model;
  private readonly runsSurveyChecks: boolean;

  constructor(
    definition: Record<string, unknown>,
    private readonly limits: AnswerLimits = DEFAULT_ANSWER_LIMITS,
    types: QuestionTypes = QUESTION_TYPES,
  ) {
    this.reading = readSurvey(definition, { types });
    this.model = new Model(definition);
    this.runsSurveyChecks = mentionsAny(definition, CHECKED_PROPERTIES);
  }

  /** False for a definition with nothing to answer (it cannot be collected). */
  get hasQuestions(): boolean {
    return this.reading.facets.length > 0;
  }

  /** Throws a {@link CollectorError} for the first answer at fault; returns for a valid response. */
  validate(data: Record<string, unknown>, meta: ResponseMeta = {}): void {
    try {
      checkAnswers(this.reading, data, this.limits);
    } catch (error) {
      if (!(error instanceof AnswerError)) throw error;
      if (error.tooLarge) throw new CollectorError(413, 'value_too_large', error.field, error.reason);
      if (/^no question with this name/.test(error.reason)) throw new CollectorError(400, 'unknown_question', error.field, error.reason);
      throw new CollectorError(400, 'invalid_response', error.field, error.reason);
    }
    if (!this.runsSurveyChecks) return;
    const model = this.model;
    model.setVariable('audience', meta.audience);
    model.data = data;
    if (!model.validate(true, false)) {
      for (const question of model.getAllQuestions(true)) {
        const error = question.errors[0];
        if (error) throw new CollectorError(400, 'failed_validation', question.name, error.getText());
      }
      throw new CollectorError(400, 'failed_validation', undefined, 'the survey reported an error on a hidden element');
    }
  }
}

/** One-off validation; prefer a {@link ResponseValidator} per definition on a hot path. */
export function validateAnswers(
  definition: Record<string, unknown>,
  data: Record<string, unknown>,
  limits: AnswerLimits = DEFAULT_ANSWER_LIMITS,
  meta: ResponseMeta = {},
): void {
  new ResponseValidator(definition, limits).validate(data, meta);
}
