// What the embed's entry does once it has evaluated (embed.ts): before <pv-survey> and the rest
// of the embed are loaded (embed-elements.ts, a chunk of its own), the first page of each survey
// early-start.ts requested is drawn into the element's shadow root and painted. The element, once
// defined, takes the page over as it is (answers, focus and caret included) and carries on as if
// it had drawn it. On a slow laptop the first question is then on screen before the element's
// code has even arrived (see the README's bench notes).
import { adoptStyles, nothing, render } from 'lit';
import { textDirection } from '../audience/text-direction.js';
import { definedQuestionStyles, QUESTION_TAGS } from '../question/question-tags.js';
import { languageOf, translationFor } from '../strings/localize-controller.js';
import { afterNextPaint } from './after-next-paint.js';
import { stillWaiting, waitingStarts, type EarlyDrawing, type EarlyStart } from './early-start.js';
import { FirstPaint, planFirstPaint, screenSize } from './first-paint.js';
import { surveyStyles } from './survey.styles.js';

/** How long the rest of the embed waits for the first pages to be painted, at most, in ms. */
const EARLY_WAIT = 500;

/**
 * Draws the first page of every survey early-start.ts requested, as its definition arrives, if
 * that page qualifies (first-paint-plan.ts). Resolves once each is painted, or turned out not
 * to qualify, or after `EARLY_WAIT` ms, whichever comes first.
 */
export async function drawEarlyPages(): Promise<void> {
  const painted = waitingStarts()
    .filter(([, early]) => early.drawable)
    .map(([host, early]) =>
      early.text.then(
        (body) => draw(host, early, body),
        () => undefined,
      ),
    );
  if (painted.length === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([Promise.all(painted), new Promise((resolve) => (timer = setTimeout(resolve, EARLY_WAIT)))]);
  clearTimeout(timer);
}

async function draw(host: Element, early: EarlyStart, body: string): Promise<void> {
  // The element was defined meanwhile (this waited too long) and has the start: it draws.
  if (!stillWaiting(host, early) || host.shadowRoot) return;
  let definition: unknown;
  try {
    definition = JSON.parse(body);
  } catch {
    return;
  }
  const plan = planFirstPaint(definition);
  if (!('page' in plan)) return;
  // The shadow root, stylesheets and frame <pv-survey> renders; Lit reuses the root. Only the
  // sheets of the kinds of question on the page: the element adopts the rest when it takes over.
  const shadow = host.attachShadow({ mode: 'open' });
  const frame = document.createElement('div');
  try {
    const kinds = new Set(plan.page.questions.map((question) => QUESTION_TAGS[question.kind]));
    adoptStyles(shadow, [surveyStyles, ...definedQuestionStyles(kinds)]);
    const lang = languageOf(host);
    frame.className = 'pv-survey';
    frame.setAttribute('part', 'survey');
    frame.lang = lang;
    if (textDirection(lang) === 'rtl') frame.dir = 'rtl';
    shadow.append(frame);
    // Not laid out yet: the survey cannot have more room than the whole window.
    const size = screenSize(host, false);
    const strings = translationFor(lang);
    // Nothing is saved until the element has opened the draft and taken the page over.
    const firstPaint = new FirstPaint(
      { requestUpdate: () => drawing.redraw(), renderRoot: shadow },
      { strings: () => strings, save: () => undefined },
    );
    /** How the frame is drawn: not yet, from markup (the first frame), or by `render`. */
    let drawnBy: 'nothing' | 'markup' | 'template' = 'nothing';
    const drawing: EarlyDrawing = {
      firstPaint,
      frame,
      redraw() {
        if (!firstPaint.page) {
          if (frame.isConnected) {
            frame.remove();
            this.gone?.();
          }
          return;
        }
        if (drawnBy === 'nothing') {
          drawnBy = 'markup';
          firstPaint.drawPlain(frame);
          return;
        }
        const drawTemplate = (): void => {
          render(firstPaint.render(this.chrome?.() ?? { before: nothing, after: nothing }), frame);
        };
        if (drawnBy === 'template') return drawTemplate();
        drawnBy = 'template';
        // The template draws the same page again around the same question elements.
        keepingFocus(shadow, frame, () => {
          frame.replaceChildren();
          drawTemplate();
        });
      },
    };
    early.drawing = drawing;
    firstPaint.show(plan.page, size);
  } catch (cause) {
    // Whatever went wrong, the element draws the survey: nothing half-drawn is left beside it.
    early.drawing = undefined;
    frame.remove();
    throw cause;
  }
  await afterNextPaint();
  // The rest of a long page, below the window's bottom edge (see FirstPaint.drawRest).
  early.drawing?.firstPaint.drawRest();
}

/**
 * Runs `change`, which takes the elements out of `frame` and draws it again, and puts focus and
 * the caret back where they were: on the same element if it is drawn again (a question's
 * control), else on what took its place (Continue). All in one task, so no keystroke is lost.
 */
function keepingFocus(root: ShadowRoot, frame: HTMLElement, change: () => void): void {
  const active = root.activeElement instanceof HTMLElement && frame.contains(root.activeElement) ? root.activeElement : null;
  const caret =
    active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
      ? { start: active.selectionStart, end: active.selectionEnd, direction: active.selectionDirection }
      : undefined;
  const nav = active?.getAttribute('data-early');
  change();
  const target = active?.isConnected ? active : nav ? frame.querySelector<HTMLElement>(`[data-early="${nav}"]`) : null;
  if (!target || root.activeElement === target) return;
  target.focus({ preventScroll: true });
  if (caret && caret.start !== null && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) {
    target.setSelectionRange(caret.start, caret.end, caret.direction ?? undefined);
  }
}
