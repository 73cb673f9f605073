import { QUESTION_TAGS } from './question-tags.js';

/**
 * Question elements that few surveys use, defined only when a survey needs them: their code
 * (about a fifth of the embed) is left out of the entry, so it is not downloaded before the
 * first question. `<pv-survey>` starts loading the ones a definition names as soon as it has
 * the definition, while survey-core is still on its way, and shows the survey only once they
 * are defined, so nothing is drawn twice or moves.
 */
const LAZY_QUESTION_MODULES: Readonly<Partial<Record<string, () => Promise<unknown>>>> = {
  tagbox: () => import('../tagbox-question/pv-tagbox-question.js'),
  ranking: () => import('../ranking-question/pv-ranking-question.js'),
  imagepicker: () => import('../imagepicker-question/pv-imagepicker-question.js'),
  matrixdropdown: () => import('../matrixdropdown-question/pv-matrixdropdown-question.js'),
  multipletext: () => import('../multipletext-question/pv-multipletext-question.js'),
  paneldynamic: () => import('../paneldynamic-question/pv-paneldynamic-question.js'),
};

const loading = new Map<string, Promise<void>>();
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
 * Defines the elements of these question types that are loaded on demand. Resolves once all
 * are defined; a type whose download failed stays undefined (and shows the "not supported"
 * notice) and is tried again by the next call.
 */
export async function defineQuestionElements(types: Iterable<string>): Promise<void> {
  await Promise.all([...types].filter(isPendingQuestionType).map(defineOne));
}

function defineOne(type: string): Promise<void> {
  let pending = loading.get(type);
  if (!pending) {
    pending = LAZY_QUESTION_MODULES[type]!().then(
      () => {
        for (const listener of [...listeners]) listener();
      },
      () => {
        loading.delete(type);
      },
    );
    loading.set(type, pending);
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
