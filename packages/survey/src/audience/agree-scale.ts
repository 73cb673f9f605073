/**
 * Agree/disagree answers drawn as faces for young children. A choice's place on the scale comes
 * from its words (value and English or Welsh text), not its position in the list, so a scale
 * written "Strongly agree" first still smiles at "agree". Choices that are not on the scale
 * ("Prefer not to say", "Don't know") get no face.
 */

/** Raw place of one answer on an agree scale, 0 (strongly disagree) to 1 (strongly agree). */
export function agreePosition(words: string): number | undefined {
  const text = words.toLowerCase().replace(/[_-]+/g, ' ');
  const strongly = /\bstrongly\b|\bcompletely\b|\bn[’']?gryf\b|\byn llwyr\b/.test(text);
  if (/\bneither\b|\bneutral\b|\bna chytuno\b|\bnot sure\b|\bddim yn siŵr\b/.test(text)) return 0.5;
  if (/\bdisagree\b|\banghytuno\b/.test(text)) return strongly ? 0 : 0.25;
  if (/\bagree\b|\bcytuno\b/.test(text)) return strongly ? 1 : 0.75;
  return undefined;
}

/**
 * Face positions (0 frown … 1 smile) for a list of answers, spread over the whole range; or
 * undefined when the answers are not an agree scale (at least one agree and one disagree).
 */
export function agreeScalePositions(choices: ReadonlyArray<readonly string[]>): Array<number | undefined> | undefined {
  const raw = choices.map((words) => {
    for (const word of words) {
      const position = agreePosition(word);
      if (position !== undefined) return position;
    }
    return undefined;
  });
  const defined = raw.filter((p): p is number => p !== undefined);
  if (!defined.some((p) => p > 0.5) || !defined.some((p) => p < 0.5)) return undefined;
  const levels = [...new Set(defined)].sort((a, b) => a - b);
  const last = levels.length - 1;
  return raw.map((p) => (p === undefined ? undefined : last === 0 ? 1 : levels.indexOf(p) / last));
}
