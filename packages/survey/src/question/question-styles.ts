import type { CSSResultGroup } from 'lit';
import { styles as boolean } from '../boolean-question/boolean-question.styles.js';
import { styles as checkbox } from '../checkbox-question/checkbox-question.styles.js';
import { choiceOptionStyles } from '../choice-options.js';
import { styles as comment } from '../comment-question/comment-question.styles.js';
import { styles as dropdown } from '../dropdown-question/dropdown-question.styles.js';
import { styles as expression } from '../expression-question/expression-question.styles.js';
import { styles as html } from '../html-question/html-question.styles.js';
import { styles as image } from '../image-question/image-question.styles.js';
import { styles as matrix } from '../matrix-question/matrix-question.styles.js';
import { styles as radiogroup } from '../radiogroup-question/radiogroup-question.styles.js';
import { styles as rating } from '../rating-question/rating-question.styles.js';
import { styles as text } from '../text-question/text-question.styles.js';

/**
 * The `static styles` of the common question elements, by tag, without their code. The embed's
 * entry defines no question element (they arrive with survey-core, question/common-questions.ts),
 * but the page drawn from the JSON before then uses their markup and must look exactly as the
 * model's page will: `<pv-survey>` adopts these sheets, in the same order, until the elements
 * are defined. question-styles.test.ts checks each entry against its element's `styles`.
 */
export const QUESTION_STYLES: Readonly<Record<string, CSSResultGroup>> = {
  'pv-text-question': text,
  'pv-comment-question': comment,
  'pv-radiogroup-question': [choiceOptionStyles, radiogroup],
  'pv-checkbox-question': [choiceOptionStyles, checkbox],
  'pv-dropdown-question': dropdown,
  'pv-boolean-question': [choiceOptionStyles, boolean],
  'pv-rating-question': rating,
  'pv-matrix-question': matrix,
  'pv-html-question': html,
  'pv-expression-question': expression,
  'pv-image-question': image,
};
