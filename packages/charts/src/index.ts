// @pupil-voice/charts: chart.js elements with accessible data tables (issue 10).
export {};
