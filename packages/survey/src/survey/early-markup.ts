import type { EarlyQuestion } from './first-paint-plan.js';

/**
 * The early page's questions as HTML text, parsed by the browser in one go. Drawing them with
 * Lit cost a template per option and part (about 45–55 ms of a first question at 4× CPU);
 * one `innerHTML` of the same markup costs a few. The markup is the question elements' own
 * (choice-options.ts, dropdown-markup.ts, matrix-render.ts, the rating and text elements):
 * the same elements, classes, ARIA and whitespace, so nothing moves when the model's page
 * replaces it (first-paint.test.ts compares the boxes). Every text from the definition is
 * escaped; instructions are the sanitised HTML the html question shows.
 *
 * No Lit and no survey-core: plain strings from the plan.
 */

/** Ids of a question's parts: its title, its description and its first control. */
export interface EarlyIds {
  readonly title: string;
  readonly description: string;
  readonly control: string;
}

/** The words the markup needs. */
export interface EarlyWords {
  /** Said after a required question's title ("required"), visually hidden. */
  readonly requiredHint: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value, safe inside an element or double quotes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

const e = escapeHtml;

/** ` name="value"` when there is a value. */
function attr(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${e(value)}"`;
}

/**
 * One question in the frame every question element draws: its title, description and
 * controls, inside `<pv-early-question>`; of a grid, rows `0 … rows - 1` when `rows` is given.
 * `sanitize` turns an html question's markup into what may be shown.
 */
export function earlyQuestionHtml(
  q: EarlyQuestion,
  ids: EarlyIds,
  words: EarlyWords,
  sanitize: (html: string) => string,
  rows?: number,
): string {
  const describedBy = q.description ? ids.description : undefined;
  const labelsControl = q.kind === 'text' || q.kind === 'comment' || q.kind === 'dropdown';
  const title = `${e(q.title)}${
    q.isRequired
      ? `<span class="pv-required" aria-hidden="true"> *</span><span class="pv-visually-hidden"> ${e(words.requiredHint)}</span>`
      : ''
  }`;
  const heading =
    q.kind === 'html'
      ? ''
      : `<h4 class="pv-title " id="${e(ids.title)}">${labelsControl ? `<label for="${e(ids.control)}">${title}</label>` : title}</h4>`;
  const description = q.description
    ? `<div class="pv-description" id="${e(ids.description)}" part="description">${e(q.description)}</div>`
    : '';
  return `<pv-early-question data-name="${e(q.name)}"><div class="pv-question " part="question" data-type="${q.kind}"> ${heading} ${description} ${controlHtml(q, ids, describedBy, sanitize, rows)} </div></pv-early-question>`;
}

function controlHtml(
  q: EarlyQuestion,
  ids: EarlyIds,
  describedBy: string | undefined,
  sanitize: (html: string) => string,
  rows?: number,
): string {
  switch (q.kind) {
    case 'radiogroup':
    case 'checkbox': {
      const radio = q.kind === 'radiogroup';
      return choiceGroupHtml({
        role: radio ? 'radiogroup' : 'group',
        type: radio ? 'radio' : 'checkbox',
        name: ids.control,
        labelledBy: ids.title,
        describedBy,
        required: radio && q.isRequired,
        columns: q.colCount,
        options: q.choices.map((choice, index) => ({ id: index === 0 ? ids.control : `${ids.control}_${index}`, value: String(index), label: choice.text })),
      });
    }
    case 'boolean':
      return choiceGroupHtml({
        role: 'radiogroup',
        type: 'radio',
        name: ids.control,
        labelledBy: ids.title,
        describedBy,
        required: q.isRequired,
        columns: 0,
        options: [
          { id: ids.control, value: 'false', label: q.labelFalse },
          { id: `${ids.control}_true`, value: 'true', label: q.labelTrue },
        ],
      });
    case 'rating':
      return ratingHtml(q, ids, describedBy);
    case 'dropdown':
      return `<div class="pv-dropdown"> <select id="${e(ids.control)}" part="select" aria-required="${q.isRequired ? 'true' : 'false'}" aria-invalid="false"${attr('aria-describedby', describedBy)}> <option value="">${e(q.placeholder)}</option> ${q.choices
        .map((choice, index) => `<option value="${index}"> ${e(choice.text)} </option>`)
        .join('')} </select> </div>`;
    case 'matrix':
      return matrixHtml(q, ids, describedBy, rows);
    case 'html':
      return `<div class="pv-html" part="html">${sanitize(q.html)}</div>`;
    case 'text':
      return `<div class="pv-text pv-text--text "> <input class="pv-input" part="input" id="${e(ids.control)}" type="text"${attr('placeholder', q.placeholder)} aria-required="${q.isRequired ? 'true' : 'false'}" aria-invalid="false"${attr('aria-describedby', describedBy)} /> </div>`;
    case 'comment':
      return `<div class="pv-comment"> <textarea id="${e(ids.control)}" part="textarea" rows="${q.rows}"${attr('placeholder', q.placeholder)} style="resize: vertical;" aria-required="${q.isRequired ? 'true' : 'false'}" aria-invalid="false"${attr('aria-describedby', describedBy)}></textarea> </div>`;
  }
}

interface GroupMarkup {
  readonly role: 'radiogroup' | 'group';
  readonly type: 'radio' | 'checkbox';
  readonly name: string;
  readonly labelledBy: string;
  readonly describedBy?: string;
  readonly required: boolean;
  readonly columns: number;
  readonly options: ReadonlyArray<{ readonly id: string; readonly value: string; readonly label: string }>;
}

/** `renderChoiceGroup` and `renderChoiceOption` (choice-options.ts), unanswered. */
function choiceGroupHtml(group: GroupMarkup): string {
  const { columns } = group;
  const layout = columns === 0 ? 'pv-options--row' : columns > 1 ? 'pv-options--columns' : '';
  const rows = columns > 1 ? Math.ceil(group.options.length / columns) : 1;
  const options = group.options
    .map(
      (option) =>
        `<div class="pv-choice "> <label class="pv-option" part="option"> <input type="${group.type}" id="${e(option.id)}" name="${e(group.name)}" value="${e(option.value)}" /> <span class="pv-option-label">${e(option.label)}</span> </label> </div>`,
    )
    .join('');
  return `<div class="pv-choices" part="choices" role="${group.role}" aria-labelledby="${e(group.labelledBy)}"${attr('aria-describedby', group.describedBy)}${
    group.role === 'radiogroup' && group.required ? ' aria-required="true"' : ''
  }> <div class="pv-options ${layout}" style="--pv-choice-columns: ${columns || 1}; --pv-choice-rows: ${rows};"> ${options} </div> </div>`;
}

/** The rating element's scale with labels, unanswered. */
function ratingHtml(q: Extract<EarlyQuestion, { kind: 'rating' }>, ids: EarlyIds, describedBy: string | undefined): string {
  const minId = `${ids.control}_min`;
  const maxId = `${ids.control}_max`;
  const last = q.choices.length - 1;
  const items = q.choices
    .map((choice, index) => {
      const describer = index === 0 && q.minDescription ? minId : index === last && q.maxDescription ? maxId : undefined;
      return `<label class="pv-rating-item  " part="option"> <input type="radio" name="${e(ids.control)}" value="${index}"${
        index === 0 ? ` id="${e(ids.control)}"` : ''
      }${attr('aria-describedby', describer)} /> <span class="pv-rating-text">${e(choice.text)}</span> </label>`;
    })
    .join('');
  const min = q.minDescription
    ? `<span class="pv-rating-description pv-rating-description--min" part="description" id="${e(minId)}">${e(q.minDescription)}</span>`
    : '';
  const max = q.maxDescription
    ? `<span class="pv-rating-description pv-rating-description--max" part="description" id="${e(maxId)}">${e(q.maxDescription)}</span>`
    : '';
  return `<div class="pv-rating-frame"><div class="pv-rating pv-rating--labels " role="radiogroup" aria-labelledby="${e(ids.title)}"${attr(
    'aria-describedby',
    describedBy,
  )} aria-required="${q.isRequired ? 'true' : 'false'}" aria-invalid="false"> ${min} <div class="pv-rating-scale" part="scale"> ${items} </div> ${max} </div></div>`;
}

/** `renderMatrixTable` around rows `0 … limit - 1` (all when no limit). */
function matrixHtml(q: Extract<EarlyQuestion, { kind: 'matrix' }>, ids: EarlyIds, describedBy: string | undefined, limit?: number): string {
  const header = q.showHeader
    ? `<thead> <tr> <td class="pv-matrix-corner"></td> ${q.columns.map((column) => `<th scope="col" class="pv-matrix-column-header">${e(column.text)}</th>`).join('')} </tr> </thead>`
    : '';
  return `<div class="pv-matrix" style="--_columns: ${q.columns.length};"> <table class="pv-matrix-table" part="table" aria-labelledby="${e(ids.title)}"${attr(
    'aria-describedby',
    describedBy,
  )}> <colgroup> <col class="pv-matrix-header-col" /> ${q.columns.map(() => '<col />').join('')} </colgroup> ${header} <tbody> ${matrixRowsHtml(q, ids, describedBy, 0, limit ?? q.rows.length)} </tbody> </table> </div>`;
}

/** Rows `from … to - 1` of a grid (`renderMatrixRow`), unanswered: a row's radios share one name. */
export function matrixRowsHtml(
  q: Extract<EarlyQuestion, { kind: 'matrix' }>,
  ids: EarlyIds,
  describedBy: string | undefined,
  from: number,
  to: number,
): string {
  const description = `${ids.title}${describedBy ? ` ${describedBy}` : ''}`;
  let html = '';
  for (let index = from; index < Math.min(to, q.rows.length); index += 1) {
    const row = q.rows[index]!;
    const headerId = `${ids.control}_row${index}`;
    const cells = q.columns
      .map(
        (column, column_) =>
          `<label class="pv-option pv-matrix-option" part="option"> <input type="radio" name="${e(headerId)}"${
            index === 0 && column_ === 0 ? ` id="${e(ids.control)}"` : ''
          } /> <span class="pv-matrix-choice-text">${e(column.text)}</span> </label>`,
      )
      .join('');
    html += `<tr class="pv-matrix-row " part="row"> <th scope="row" class="pv-matrix-row-header" part="row-header"> <span id="${e(headerId)}">${e(
      row.text,
    )}</span> </th> <td class="pv-matrix-answers" colspan="${q.columns.length}"> <div class="pv-matrix-group" role="radiogroup" aria-labelledby="${e(
      headerId,
    )}" aria-describedby="${e(description)}"${q.eachRowRequired ? ' aria-required="true"' : ''}> ${cells} </div> </td> </tr>`;
  }
  return html;
}
