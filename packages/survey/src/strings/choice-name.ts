/**
 * A choice's text as a name inside another sentence. survey-core's own "Other" reads
 * "Other (describe)" (Welsh "Arall (disgrifiwch)"), which already asks for a description; inside
 * "please describe" that doubled up as "Please describe (Other (describe))". A trailing
 * parenthetical is dropped, unless it is all there is.
 */
export function choiceName(text: string): string {
  const bare = text.replace(/\s*\([^()]*\)\s*$/, '').trim();
  return bare || text.trim();
}
