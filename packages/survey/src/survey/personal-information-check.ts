import { findPersonalInformation, type PersonalInformationKind } from '@pupil-voice/store';
import type { Question, SurveyModel } from 'survey-core';

/** A free-text answer that looks like it names or contacts someone. */
export interface PersonalInformationFinding {
  readonly question: Question;
  readonly kinds: readonly PersonalInformationKind[];
}

/**
 * Free-text answers (text, comment, and the comment of "Other") that look like a name, an email
 * address or a phone number: the respondent is warned before submitting, since the survey is
 * meant to be anonymous.
 */
export function findPersonalInformationIn(model: SurveyModel): PersonalInformationFinding[] {
  const found: PersonalInformationFinding[] = [];
  for (const question of model.getAllQuestions(true) as Question[]) {
    const texts: unknown[] = [];
    const type = question.getType();
    if (type === 'text' || type === 'comment') texts.push(question.value);
    if ('comment' in question) texts.push((question as Question & { comment?: unknown }).comment);
    const kinds = new Set<PersonalInformationKind>();
    for (const text of texts) {
      if (typeof text !== 'string' || text.length === 0) continue;
      for (const match of findPersonalInformation(text)) kinds.add(match.kind);
    }
    if (kinds.size > 0) found.push({ question, kinds: [...kinds] });
  }
  return found;
}
