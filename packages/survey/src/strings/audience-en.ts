import type { AudienceTranslation, IntroText } from './audience-translation.js';

// Primary strings are read by children of six to eleven: short words, short sentences, a
// reading age of about 9 (checked by readability.test.ts). Nothing here nudges anyone to
// answer: taking part, skipping and stopping are offered as equals.

const secondaryIntro: IntroText = {
  heading: 'Before you start',
  purpose: 'This survey asks what school is really like for you, so that it can be made better and safer.',
  anonymityHeading: 'Nobody will know it was you',
  anonymity:
    'The survey is anonymous. It does not ask your name, and nothing about you or this device is kept with your answers. Staff only see answers added up for groups of pupils, never yours on their own.',
  choiceHeading: 'You choose',
  choice: 'You can skip any question. You can stop at any time, and you do not have to give a reason.',
  tellHeading: 'What happens if I tell?',
  tell:
    'Because nobody knows who answered, nobody will contact you about your answers and nothing is passed on about you. If something is worrying you, or you want to report something, talk to an adult you trust or use Get help: those services are free.',
};

export const audienceEn: AudienceTranslation = {
  lang: 'en',
  intro: {
    primary: {
      heading: 'Before you start',
      purpose: 'This is a survey about how you feel at school. Your answers help make school better and safer.',
      anonymityHeading: 'Nobody will know it was you',
      anonymity:
        'We do not ask your name, so do not write it. We do not keep anything about you or this computer. Adults only see lots of answers added up, not yours.',
      choiceHeading: 'You choose',
      choice: 'You can skip any question. You can stop when you want.',
      tellHeading: 'What happens if I tell?',
      tell:
        'Nobody can find out which answers are yours. So nobody will come to talk to you about them. If something is wrong, tell a grown-up you trust. You can also press Get help to find people who will listen.',
    },
    secondary: secondaryIntro,
    post16: {
      ...secondaryIntro,
      purpose: 'This survey asks what your school or college is really like for you, so that it can be made better and safer.',
      anonymity:
        'The survey is anonymous. It does not ask your name, and nothing about you or this device is kept with your answers. Staff only see answers added up for groups of students, never yours on their own.',
    },
    parent: {
      heading: 'Before you start',
      purpose:
        'This survey asks parents and carers what they think about their child’s school and safety, so that what adults believe can be compared with what pupils say.',
      anonymityHeading: 'Your answers are anonymous',
      anonymity:
        'You are not asked for your name or your child’s name, and nothing about you or this device is stored with your answers. Results are only published for groups large enough that nobody can be identified.',
      choiceHeading: 'You choose',
      choice: 'You can skip any question and stop at any time.',
      tellHeading: 'What happens if I tell?',
      tell:
        'Nobody reads single answers to follow them up, so this survey cannot be used to report a concern. If you are worried about a child, contact the school’s designated safeguarding lead, or the NSPCC helpline (see Get help). In an emergency, call 999.',
    },
    staff: {
      heading: 'Before you start',
      purpose:
        'This survey asks staff what they see and believe about pupils’ safety, so that it can be compared with what pupils and parents say.',
      anonymityHeading: 'Your answers are anonymous',
      anonymity:
        'You are not asked for your name or role in a way that could identify you, and nothing about you or this device is stored with your answers. Results are only published for groups large enough that nobody can be identified.',
      choiceHeading: 'You choose',
      choice: 'You can skip any question and stop at any time.',
      tellHeading: 'What happens if I tell?',
      tell:
        'Nobody reads single answers to follow them up: this survey is not a way to report a safeguarding concern. Follow your school’s safeguarding procedure and speak to the designated safeguarding lead. The NSPCC helplines are listed under Get help.',
    },
  },
  navigation: {
    primary: { start: 'Start', next: 'Next', back: 'Back', finish: 'Finish' },
    secondary: { start: 'Start', next: 'Continue', back: 'Back', finish: 'Send my answers' },
    post16: { start: 'Start', next: 'Continue', back: 'Back', finish: 'Send my answers' },
    parent: { start: 'Start', next: 'Continue', back: 'Back', finish: 'Submit' },
    staff: { start: 'Start', next: 'Continue', back: 'Back', finish: 'Submit' },
  },
  getHelp: 'Get help',
  closeHelp: 'Close help',
  helpIntro: {
    primary: 'You can talk to someone at any time. It is free.',
    secondary: 'Talk to someone you trust, or to one of these free services. You do not have to give your name.',
    post16: 'Talk to someone you trust, or to one of these free services. You do not have to give your name.',
    parent: 'If you are worried about a child, these services can help.',
    staff: 'For a safeguarding concern, follow your school’s procedure. These services can also advise.',
  },
  schoolContacts: 'People at school',
  helplines: 'Helplines',
  callNumber: (number) => `Call ${number}`,
  textNumber: (number, keyword) => (keyword ? `Text ${keyword} to ${number}` : `Text ${number}`),
  helplinesUnavailable: 'The list of helplines could not be loaded.',
  emergency: 'In an emergency, call 999.',
  historyNote: {
    primary:
      'Leave this page takes you away fast. It does not wipe the list of pages you have been on. To wipe it, press Ctrl, Shift and Delete at the same time, or ask a grown-up you trust.',
    secondary:
      'Leave this page does not clear your browser history. To clear it, press Ctrl+Shift+Delete (Cmd+Shift+Delete on a Mac) or open your browser’s history and delete it. A private window keeps no history.',
    post16:
      'Leave this page does not clear your browser history. To clear it, press Ctrl+Shift+Delete (Cmd+Shift+Delete on a Mac) or open your browser’s history and delete it. A private window keeps no history.',
    parent:
      'Leave this page does not clear your browser history. To clear it, press Ctrl+Shift+Delete (Cmd+Shift+Delete on a Mac) or open your browser’s history and delete it. A private window keeps no history.',
    staff:
      'Leave this page does not clear your browser history. To clear it, press Ctrl+Shift+Delete (Cmd+Shift+Delete on a Mac) or open your browser’s history and delete it. A private window keeps no history.',
  },
  readAloud: 'Read aloud',
  readAloudAnswers: 'The answers are:',
  questionOf: (position, total) => `Question ${position} of ${total}`,
  termExplain: (term) => `What does “${term}” mean?`,
  afterSurvey: {
    primary: 'If you want to talk to someone, you can. Press Get help to see who.',
    secondary: 'If anything in this survey has worried you, you can talk to someone. Get help lists free services.',
    post16: 'If anything in this survey has worried you, you can talk to someone. Get help lists free services.',
    parent: 'If you are worried about a child, Get help lists services that can advise you.',
    staff: 'If you have a safeguarding concern, follow your school’s procedure. Get help lists services that can advise.',
  },
};
