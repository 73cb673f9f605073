/**
 * Resolves just after the browser has painted the next frame (a task queued from
 * `requestAnimationFrame` runs once that frame is drawn), at once on a hidden page (which paints
 * no frames), after 250 ms if no frame comes all the same (an off-screen frame), or as soon as
 * the `now` handed to `register` is called. The early page starts the rest of the survey's
 * downloads with it; draft writes begin with it, so neither delays what the respondent sees.
 */
export function afterNextPaint(register?: (now: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const hidden = document.visibilityState === 'hidden';
    let frame: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const now = (): void => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(now, hidden ? 0 : 250);
    if (!hidden) frame = requestAnimationFrame(() => (timer = setTimeout(now, 0)));
    register?.(now);
  });
}
