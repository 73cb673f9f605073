import { QUESTION_TAGS } from './question-tags.js';

/** The common question elements, with panels and the "not supported" notice: one chunk. */
const common = (): Promise<unknown> => import('./common-questions.js');

/**
 * Question elements defined only when a survey needs them, so their code is not in the embed's
 * entry and is not downloaded before the first question. `<pv-survey>` starts loading the
 * common ones (one chunk) and the rare ones a definition names once it has drawn the first page
 * from the JSON (or at once when it draws none), while survey-core is on its way, and shows the
 * model's page only once they are defined, so nothing is drawn twice or moves. The package's
 * define.ts defines the common ones at once.
 */
const LAZY_QUESTION_MODULES: Readonly<Partial<Record<string, () => Promise<unknown>>>> = {
  text: common,
  comment: common,
  radiogroup: common,
  checkbox: common,
  dropdown: common,
  boolean: common,
  rating: common,
  matrix: common,
  html: common,
  expression: common,
  image: common,
  tagbox: () => import('../tagbox-question/pv-tagbox-question.js'),
  ranking: () => import('../ranking-question/pv-ranking-question.js'),
  imagepicker: () => import('../imagepicker-question/pv-imagepicker-question.js'),
  matrixdropdown: () => import('../matrixdropdown-question/pv-matrixdropdown-question.js'),
  multipletext: () => import('../multipletext-question/pv-multipletext-question.js'),
  paneldynamic: () => import('../paneldynamic-question/pv-paneldynamic-question.js'),
};

/** Downloads in progress or done, by module (the common types share one). */
const loading = new Map<() => Promise<unknown>, Promise<void>>();
const listeners = new Set<() => void>();

/**
 * Every question type a definition names, however deeply nested (panels, dynamic panels'
 * templates, matrix cells' `cellType`).
 */
export function questionTypesIn(definition: unknown): Set<string> {
  const types = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'type' || key === 'cellType') && typeof inner === 'string') types.add(inner.toLowerCase());
        else visit(inner);
      }
    }
  };
  visit(definition);
  return types;
}

/** Whether a question type's element is loaded on demand and not defined yet. */
export function isPendingQuestionType(type: string): boolean {
  const tag = QUESTION_TAGS[type];
  return tag !== undefined && LAZY_QUESTION_MODULES[type] !== undefined && !customElements.get(tag);
}

/**
 * Defines the elements of these question types that are loaded on demand, and the common
 * elements (panels and the "not supported" notice among them) if they are not defined yet.
 * Resolves once all are defined; a module whose download failed leaves its types undefined
 * (they show the "not supported" notice) and is tried again by the next call.
 */
export async function defineQuestionElements(types: Iterable<string>): Promise<void> {
  const modules = new Set([...types].filter(isPendingQuestionType).map((type) => LAZY_QUESTION_MODULES[type]!));
  if (!customElements.get('pv-panel')) modules.add(common);
  await Promise.all([...modules].map(defineOne));
}

function defineOne(load: () => Promise<unknown>): Promise<void> {
  let pending = loading.get(load);
  if (!pending) {
    pending = load().then(
      () => {
        for (const listener of [...listeners]) listener();
      },
      () => {
        loading.delete(load);
      },
    );
    loading.set(load, pending);
  }
  return pending;
}

/**
 * Calls `listener` whenever an element loaded on demand has been defined (a survey adopts its
 * styles then). Returns the function that stops it.
 */
export function onQuestionElementsDefined(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
