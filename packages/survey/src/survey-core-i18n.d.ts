// survey-core ships its locale modules without type declarations; they only register strings.
declare module 'survey-core/i18n/*';
