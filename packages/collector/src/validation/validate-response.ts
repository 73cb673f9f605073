import { Model, settings, type Question } from 'survey-core';
import { CollectorError, invalidField } from '../errors.js';
import { isCalendarDay } from '../wire.js';

/** Bounds on what one answer may hold, beyond what the definition says. */
export interface AnswerLimits {
  /** Longest accepted string anywhere in the answers (free text included). */
  maxStringLength: number;
}

export const DEFAULT_ANSWER_LIMITS: AnswerLimits = { maxStringLength: 5000 };

/** A loose shape for the survey-core members we read; their typings vary by question class. */
type ChoiceItem = { value: unknown };
interface QuestionView {
  name: string;
  getType(): string;
  visibleChoices?: ChoiceItem[];
  choices?: ChoiceItem[];
  selectAllItem?: ChoiceItem;
  showOtherItem?: boolean;
  showNoneItem?: boolean;
  showRefuseItem?: boolean;
  showDontKnowItem?: boolean;
  otherItem?: ChoiceItem;
  noneItem?: ChoiceItem;
  refuseItem?: ChoiceItem;
  dontKnowItem?: ChoiceItem;
  showCommentArea?: boolean;
  getStoreOthersAsComment?(): boolean;
  multiSelect?: boolean;
  maxSelectedChoices?: number;
  visibleRateValues?: ChoiceItem[];
  valueTrue?: unknown;
  valueFalse?: unknown;
  inputType?: string;
  maxLength?: number;
  getMaxLength?(): number | null;
  rows?: ChoiceItem[];
  columns?: Array<{ value?: unknown; name?: string; templateQuestion?: Question }>;
  items?: Array<{ name: string; inputType?: string; maxLength?: number }>;
  template?: { questions: Question[] };
  sliderType?: string;
  min?: unknown;
  max?: unknown;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Question types whose answers are never collected: decoration, or media that could identify a pupil. */
const NOT_COLLECTED = new Set(['html', 'image', 'file', 'signaturepad', 'panel']);

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // A client may send "2" for the choice 2 (or the reverse); both mean the same choice.
  return (typeof a === 'number' || typeof a === 'string') && (typeof b === 'number' || typeof b === 'string') && String(a) === String(b);
}

/** Definition properties that make survey-core's own checks meaningful for a completed response. */
const CHECKED_PROPERTIES = new Set([
  'isRequired', 'requiredIf', 'validators', 'min', 'max', 'minValueExpression', 'maxValueExpression',
  'eachRowRequired', 'isAllRowRequired', 'eachRowUnique', 'minSelectedChoices', 'minRowCount',
  'maxRowCount', 'minPanelCount', 'maxPanelCount', 'isUnique', 'keyName', 'inputType',
]);
/** Definition properties that make the allowed choices depend on the other answers. */
const DATA_DEPENDENT_PROPERTIES = new Set([
  'choicesVisibleIf', 'choicesEnableIf', 'choicesFromQuestion', 'rowsVisibleIf', 'columnsVisibleIf', 'choicesByUrl',
]);

function mentionsAny(value: unknown, names: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.some((item) => mentionsAny(item, names));
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, inner]) => names.has(key) || mentionsAny(inner, names));
}

/**
 * Validates completed responses to one SurveyJS definition, in two passes: first a
 * structural check per question type (names exist, values fit choices, ranges, rows and
 * columns, types and sizes), then survey-core's own validators and required checks on a
 * Model holding the answers, so conditions (`visibleIf`, `requiredIf`) are honoured exactly as
 * the respondent's browser honoured them. Throws a {@link CollectorError} naming the first
 * field at fault.
 *
 * Building a survey-core Model costs milliseconds, so one is built per definition and reused
 * (validation is synchronous, so requests never share it concurrently); and answers are
 * loaded into it only when the definition has checks or choices that depend on them.
 */
export class ResponseValidator {
  private readonly model: Model;
  private readonly checker: AnswerChecker;
  private readonly runsSurveyChecks: boolean;
  private readonly needsAnswers: boolean;

  constructor(definition: Record<string, unknown>, limits: AnswerLimits = DEFAULT_ANSWER_LIMITS) {
    this.model = new Model(definition);
    this.checker = new AnswerChecker(limits);
    this.runsSurveyChecks = mentionsAny(definition, CHECKED_PROPERTIES);
    this.needsAnswers = this.runsSurveyChecks || mentionsAny(definition, DATA_DEPENDENT_PROPERTIES);
  }

  /** False for a definition with nothing to answer (it cannot be collected). */
  get hasQuestions(): boolean {
    return this.model.getAllQuestions(false, false, true).length > 0;
  }

  /** Throws a {@link CollectorError} for the first answer at fault; returns for a valid response. */
  validate(data: Record<string, unknown>): void {
    const model = this.model;
    if (this.needsAnswers) model.data = data;
    const suffix = settings.commentSuffix;
    for (const [key, value] of Object.entries(data)) {
      const question = model.getQuestionByValueName(key) ?? model.getQuestionByName(key);
      if (question) {
        this.checker.check(question as unknown as QuestionView, value, key);
        continue;
      }
      if (key.endsWith(suffix)) {
        const owner = model.getQuestionByValueName(key.slice(0, -suffix.length)) as unknown as QuestionView | null;
        if (owner && (owner.showOtherItem === true || owner.showCommentArea === true)) {
          this.checker.string(value, key, undefined);
          continue;
        }
      }
      throw new CollectorError(400, 'unknown_question', key, 'no question with this name in the survey');
    }
    if (this.runsSurveyChecks && !model.validate(true, false)) {
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
): void {
  new ResponseValidator(definition, limits).validate(data);
}

/** The per-type structural checks; recursive for matrices and dynamic panels. */
class AnswerChecker {
  constructor(private readonly limits: AnswerLimits) {}

  /** Checks one answer against its question; `field` is the path reported on failure. */
  check(question: QuestionView, value: unknown, field: string): void {
    if (value === null) return; // an explicit "no answer"
    const type = question.getType();
    switch (type) {
      case 'radiogroup':
      case 'dropdown':
        return this.choice(question, value, field);
      case 'imagepicker':
        return question.multiSelect === true ? this.choiceList(question, value, field, false) : this.choice(question, value, field);
      case 'checkbox':
      case 'tagbox':
        return this.choiceList(question, value, field, false);
      case 'ranking':
        return this.choiceList(question, value, field, true);
      case 'rating':
        return this.rating(question, value, field);
      case 'boolean':
        return this.boolean(question, value, field);
      case 'text':
        return this.text(question, value, field);
      case 'comment':
        return this.string(value, field, question);
      case 'matrix':
        return this.matrix(question, value, field);
      case 'matrixdropdown':
        return this.matrixDropdown(question, value, field);
      case 'matrixdynamic':
        return this.matrixDynamic(question, value, field);
      case 'multipletext':
        return this.multipleText(question, value, field);
      case 'paneldynamic':
        return this.panelDynamic(question, value, field);
      case 'slider':
        return this.slider(question, value, field);
      case 'expression':
        if (typeof value === 'string') return this.string(value, field, undefined);
        if (typeof value === 'number' || typeof value === 'boolean') return;
        throw invalidField(field, 'a computed value must be a string, number or boolean');
      default:
        if (NOT_COLLECTED.has(type)) throw invalidField(field, `answers to ${type} questions are not collected`);
        throw invalidField(field, `the collector does not accept answers to ${type} questions`);
    }
  }

  /** Strings anywhere are bounded by the question's maxLength (if any) and the global limit. */
  string(value: unknown, field: string, question: QuestionView | undefined): void {
    if (typeof value !== 'string') throw invalidField(field, 'must be a string');
    const ownLimit = question?.getMaxLength?.() ?? 0;
    if (ownLimit !== null && ownLimit > 0 && value.length > ownLimit) {
      throw invalidField(field, `longer than the question allows (${ownLimit} characters)`);
    }
    if (value.length > this.limits.maxStringLength) {
      throw new CollectorError(413, 'value_too_large', field, `longer than ${this.limits.maxStringLength} characters`);
    }
  }

  private allowedChoices(question: QuestionView): unknown[] {
    const allowed: unknown[] = [];
    const add = (item: ChoiceItem | undefined): void => {
      if (item !== undefined && item !== question.selectAllItem) allowed.push(item.value);
    };
    for (const item of question.choices ?? []) add(item);
    for (const item of question.visibleChoices ?? []) add(item);
    if (question.showOtherItem) add(question.otherItem);
    if (question.showNoneItem) add(question.noneItem);
    if (question.showRefuseItem) add(question.refuseItem);
    if (question.showDontKnowItem) add(question.dontKnowItem);
    return allowed;
  }

  /** With "other" stored in the value itself (storeOthersAsComment: false), any string is the other text. */
  private otherTextInValue(question: QuestionView): boolean {
    return question.showOtherItem === true && question.getStoreOthersAsComment?.() === false;
  }

  private choice(question: QuestionView, value: unknown, field: string): void {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw invalidField(field, 'must be a single choice value');
    }
    const allowed = this.allowedChoices(question);
    if (allowed.some((choice) => sameValue(choice, value))) return;
    if (typeof value === 'string' && this.otherTextInValue(question)) return this.string(value, field, undefined);
    throw invalidField(field, `${describe(value)} is not one of the question's choices`);
  }

  private choiceList(question: QuestionView, value: unknown, field: string, isRanking: boolean): void {
    if (!Array.isArray(value)) throw invalidField(field, 'must be an array of choice values');
    const seen: unknown[] = [];
    value.forEach((item, index) => {
      if (seen.some((other) => sameValue(other, item))) throw invalidField(`${field}[${index}]`, `${describe(item)} is listed twice`);
      seen.push(item);
      this.choice(question, item, `${field}[${index}]`);
    });
    const max = question.maxSelectedChoices ?? 0;
    if (!isRanking && max > 0 && value.length > max) {
      throw invalidField(field, `at most ${max} choices may be selected`);
    }
  }

  private rating(question: QuestionView, value: unknown, field: string): void {
    const allowed = (question.visibleRateValues ?? []).map((item) => item.value);
    if (!allowed.some((choice) => sameValue(choice, value))) {
      throw invalidField(field, `${describe(value)} is not on the rating scale (${allowed.map((v) => describe(v)).join(', ')})`);
    }
  }

  private boolean(question: QuestionView, value: unknown, field: string): void {
    const valueTrue = question.valueTrue ?? true;
    const valueFalse = question.valueFalse ?? false;
    if (!sameValue(value, valueTrue) && !sameValue(value, valueFalse)) {
      throw invalidField(field, `must be ${describe(valueTrue)} or ${describe(valueFalse)}`);
    }
  }

  private text(question: QuestionView, value: unknown, field: string): void {
    switch (question.inputType) {
      case 'number':
      case 'range':
        if (typeof value === 'number' && Number.isFinite(value)) return;
        if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return;
        throw invalidField(field, 'must be a number');
      case 'date':
        if (typeof value === 'string' && isCalendarDay(value)) return;
        throw invalidField(field, 'must be a date YYYY-MM-DD');
      case 'email':
        this.string(value, field, question);
        if (!EMAIL.test(value as string)) throw invalidField(field, 'must be an e-mail address');
        return;
      default:
        return this.string(value, field, question);
    }
  }

  private objectOf(value: unknown, field: string, what: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidField(field, `must be an object of ${what}`);
    return value as Record<string, unknown>;
  }

  private matrix(question: QuestionView, value: unknown, field: string): void {
    const rows = (question.rows ?? []).map((row) => row.value);
    const columns = (question.columns ?? []).map((column) => column.value);
    for (const [row, cell] of Object.entries(this.objectOf(value, field, 'row → column'))) {
      if (!rows.some((known) => sameValue(known, row))) throw invalidField(`${field}.${row}`, 'no such row in the matrix');
      const cells = Array.isArray(cell) ? cell : [cell];
      for (const item of cells) {
        if (!columns.some((known) => sameValue(known, item))) {
          throw invalidField(`${field}.${row}`, `${describe(item)} is not one of the matrix columns`);
        }
      }
    }
  }

  private cells(question: QuestionView, row: Record<string, unknown>, field: string): void {
    const columns = question.columns ?? [];
    for (const [name, cell] of Object.entries(row)) {
      const column = columns.find((candidate) => candidate.name === name);
      if (column === undefined) {
        if (name.endsWith(settings.commentSuffix) && typeof cell === 'string') {
          this.string(cell, `${field}.${name}`, undefined);
          continue;
        }
        throw invalidField(`${field}.${name}`, 'no such column in the matrix');
      }
      const cellQuestion = column.templateQuestion as unknown as QuestionView | undefined;
      const hasChoices = (cellQuestion?.choices?.length ?? 0) > 0 || (cellQuestion?.visibleChoices?.length ?? 0) > 0;
      const cellType = cellQuestion?.getType();
      if (cellQuestion !== undefined && (hasChoices || (cellType !== 'dropdown' && cellType !== 'radiogroup' && cellType !== 'checkbox' && cellType !== 'tagbox'))) {
        this.check(cellQuestion, cell, `${field}.${name}`);
      } else {
        this.primitive(cell, `${field}.${name}`);
      }
    }
  }

  private primitive(value: unknown, field: string): void {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (typeof item === 'string') this.string(item, field, undefined);
      else if (typeof item !== 'number' && typeof item !== 'boolean' && item !== null) throw invalidField(field, 'must be a plain value');
    }
  }

  private matrixDropdown(question: QuestionView, value: unknown, field: string): void {
    const rows = (question.rows ?? []).map((row) => row.value);
    for (const [row, cells] of Object.entries(this.objectOf(value, field, 'row → cells'))) {
      if (!rows.some((known) => sameValue(known, row))) throw invalidField(`${field}.${row}`, 'no such row in the matrix');
      this.cells(question, this.objectOf(cells, `${field}.${row}`, 'column → value'), `${field}.${row}`);
    }
  }

  private matrixDynamic(question: QuestionView, value: unknown, field: string): void {
    if (!Array.isArray(value)) throw invalidField(field, 'must be an array of rows');
    value.forEach((row, index) => this.cells(question, this.objectOf(row, `${field}[${index}]`, 'column → value'), `${field}[${index}]`));
  }

  private multipleText(question: QuestionView, value: unknown, field: string): void {
    const items = question.items ?? [];
    for (const [name, item] of Object.entries(this.objectOf(value, field, 'item → text'))) {
      const definition = items.find((candidate) => candidate.name === name);
      if (definition === undefined) throw invalidField(`${field}.${name}`, 'no such item in the question');
      if (item === null) continue;
      if (definition.inputType === 'number') {
        if (!(typeof item === 'number' && Number.isFinite(item))) throw invalidField(`${field}.${name}`, 'must be a number');
      } else {
        this.string(item, `${field}.${name}`, undefined);
        const max = definition.maxLength ?? 0;
        if (max > 0 && (item as string).length > max) throw invalidField(`${field}.${name}`, `longer than ${max} characters`);
      }
    }
  }

  private panelDynamic(question: QuestionView, value: unknown, field: string): void {
    if (!Array.isArray(value)) throw invalidField(field, 'must be an array of panels');
    const templates = (question.template?.questions ?? []) as unknown as QuestionView[];
    value.forEach((panel, index) => {
      for (const [name, answer] of Object.entries(this.objectOf(panel, `${field}[${index}]`, 'answers'))) {
        const inner = templates.find((candidate) => candidate.name === name);
        if (inner === undefined) {
          if (name.endsWith(settings.commentSuffix)) {
            this.string(answer, `${field}[${index}].${name}`, undefined);
            continue;
          }
          throw invalidField(`${field}[${index}].${name}`, 'no such question in the panel');
        }
        this.check(inner, answer, `${field}[${index}].${name}`);
      }
    });
  }

  private slider(question: QuestionView, value: unknown, field: string): void {
    const min = Number(question.min ?? 0);
    const max = Number(question.max ?? 100);
    const values = question.sliderType === 'range' ? value : [value];
    if (!Array.isArray(values) || (question.sliderType === 'range' && values.length !== 2)) {
      throw invalidField(field, 'must be a pair of numbers [from, to]');
    }
    for (const item of values) {
      if (typeof item !== 'number' || !Number.isFinite(item) || item < min || item > max) {
        throw invalidField(field, `must be a number from ${min} to ${max}`);
      }
    }
  }
}
