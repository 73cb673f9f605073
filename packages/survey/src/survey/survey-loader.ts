import type { ReactiveControllerHost } from 'lit';
import type { SurveyModel } from 'survey-core';
import { checkDefinitionShape } from '../definition-check.js';
import { PvErrorEvent, type PvErrorKind } from '../events.js';
import type { Translation } from '../strings/translation.js';
import { loadSurveyCore, loadSurveyLocale } from '../survey-core-loader.js';

/** Where loading stands. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What to load: a definition object wins over a URL. */
export interface LoadRequest {
  readonly definition: unknown;
  readonly src: string | undefined;
  /** The text of `src`, when it was fetched already (the embed's first statements do). */
  readonly fetched?: Promise<string>;
  /** The language asked for (the element's `locale`, then its `lang`). */
  readonly locale: string | undefined;
  /**
   * Turns the checked definition into the one the model is built from (the audience preset:
   * wording, pages, faces), once survey-core is in; it may wait for what it needs (the
   * audience features). The loaded survey still reports the original definition.
   */
  readonly prepare?: (definition: unknown) => unknown;
  /**
   * Told the definition as soon as it is read and its shape checked, before survey-core is
   * awaited: what it needs besides survey-core can start downloading then. With
   * `surveyCoreAfterDefinition`, survey-core's download starts once the promise it returns
   * settles.
   */
  readonly definitionRead?: (definition: unknown) => void | Promise<void>;
  /**
   * Start survey-core's download only once `definitionRead` has settled (the survey draws its
   * first page from the JSON first, so survey-core's 320 KB compete neither for the network nor
   * for the main thread with it). Otherwise it starts at once, in parallel with the definition.
   */
  readonly surveyCoreAfterDefinition?: boolean;
}

/** A model built from a definition, with what survey-core left out. */
export interface LoadedSurvey {
  readonly model: SurveyModel;
  readonly definition: unknown;
  /** Element types in the definition that survey-core does not know (and so left out). */
  readonly unknownTypes: readonly string[];
}

/**
 * Loads a definition (the property, or fetched from `src`), checks its shape, and builds the
 * survey-core model in the right language. Only the newest request counts: a `src` changed
 * mid-download never shows the old survey. Failures become `status = 'error'`, a translated
 * message for the respondent, and `pv-error` for the integrator.
 */
export class SurveyLoader {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly strings: () => Translation;
  private token = 0;

  status: LoadStatus = 'idle';
  /** The respondent-facing message when `status` is `error`. */
  errorMessage = '';
  /** What failed, when `status` is `error`. */
  errorKind?: PvErrorKind;

  constructor(host: ReactiveControllerHost & HTMLElement, strings: () => Translation) {
    this.host = host;
    this.strings = strings;
  }

  /** Makes any load in progress stale (its result is dropped). */
  cancel(): void {
    this.token += 1;
  }

  /**
   * Loads and builds; resolves with the survey, or undefined when there was nothing to load,
   * it failed (already reported), or a newer request replaced this one.
   */
  async load(request: LoadRequest): Promise<LoadedSurvey | undefined> {
    const token = ++this.token;
    const stale = () => token !== this.token;
    const { src, locale: chosen } = request;
    let definition = request.definition;
    if (definition === undefined && !src) {
      this.setStatus('idle');
      return undefined;
    }
    this.setStatus('loading');
    // Fetch survey-core in parallel with the definition, not after it: on 3G that is a
    // round trip saved before the first question (measured by npm run bench:survey). When the
    // survey may draw its first page from the JSON, that page comes first.
    let surveyCore = request.surveyCoreAfterDefinition ? undefined : loadSurveyCore();
    surveyCore?.catch(() => undefined);
    const t = this.strings();
    if (definition === undefined && src) {
      let text: string;
      try {
        if (request.fetched) {
          text = await request.fetched;
        } else {
          const response = await fetch(src, { credentials: 'same-origin' });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          text = await response.text();
        }
      } catch (cause) {
        if (stale()) return undefined;
        if (await refusedByCors(src)) this.fail('fetch-blocked', t.fetchBlocked, cause);
        else if (!stale()) this.fail('fetch-failed', t.fetchFailed, cause);
        return undefined;
      }
      if (stale()) return undefined;
      try {
        definition = JSON.parse(text) as unknown;
      } catch (cause) {
        this.fail('invalid-json', t.invalidJson, cause);
        return undefined;
      }
    }
    const problem = checkDefinitionShape(definition);
    if (problem) {
      this.fail('invalid-definition', t.invalidDefinition(problem));
      return undefined;
    }
    const read = request.definitionRead?.(definition);
    if (!surveyCore) {
      await Promise.resolve(read).catch(() => undefined);
      if (stale()) return undefined;
      surveyCore = loadSurveyCore();
    }
    let model: SurveyModel;
    let unknownTypes: string[];
    try {
      const { Model, Serializer } = await surveyCore;
      if (stale()) return undefined;
      // survey-core reads its UI dictionary when it renders a string, so the dictionary for
      // the chosen language (ours, or the definition's own `locale`) is loaded first.
      const locale = chosen ?? (definition as { locale?: unknown }).locale;
      if (typeof locale === 'string' && locale) await loadSurveyLocale(locale);
      if (stale()) return undefined;
      const prepared = request.prepare ? await request.prepare(definition) : definition;
      if (stale()) return undefined;
      model = new Model(prepared);
      if (chosen) model.locale = chosen;
      // survey-core drops elements of a type it does not know, silently; we say so instead.
      unknownTypes = [
        ...new Set(
          (model.jsonErrors ?? [])
            .map((error) => (error.jsonObj as { type?: unknown } | undefined)?.type)
            .filter((type): type is string => typeof type === 'string' && !Serializer.findClass(type)),
        ),
      ];
    } catch (cause) {
      if (!stale()) this.fail('model-failed', t.modelFailed, cause);
      return undefined;
    }
    if (stale()) return undefined;
    if (model.getAllQuestions().length === 0) {
      const detail = unknownTypes.length
        ? `it has no question types this page can show (${unknownTypes.join(', ')}).`
        : 'it contains no questions.';
      this.fail('invalid-definition', t.invalidDefinition(detail));
      return undefined;
    }
    return { model, definition, unknownTypes };
  }

  /** The host has the model on screen. */
  ready(): void {
    this.setStatus('ready');
  }

  private fail(kind: PvErrorKind, message: string, cause?: unknown): void {
    this.errorKind = kind;
    this.errorMessage = message;
    this.setStatus('error');
    this.host.dispatchEvent(new PvErrorEvent(kind, message, cause));
  }

  private setStatus(status: LoadStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}

/**
 * Whether a failed cross-origin fetch was the server's CORS policy rather than the network.
 * The page cannot read why a fetch failed; but a `no-cors` request, whose response the page may
 * not read, still succeeds when the server is reachable. Then the failure was a refusal: saying
 * "check the connection" would send the school looking in the wrong place.
 */
async function refusedByCors(src: string): Promise<boolean> {
  const url = new URL(src, document.baseURI);
  if (url.origin === location.origin || !/^https?:$/.test(url.protocol)) return false;
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}
