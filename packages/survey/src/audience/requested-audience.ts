/**
 * The audience a survey asks for: the element's `audience` attribute, else the definition's
 * own `audience`; undefined when neither names one (a plain SurveyJS survey). Its own small
 * module: `<pv-survey>` reads it to decide whether to load the audience features at all.
 */
export function requestedAudience(attribute: string | undefined | null, definition: unknown): string | undefined {
  const fromDefinition =
    typeof definition === 'object' && definition !== null ? (definition as { audience?: unknown }).audience : undefined;
  return attribute?.trim() || (typeof fromDefinition === 'string' ? fromDefinition.trim() : '') || undefined;
}
