import type { Audience } from '@pupil-voice/schema';
import { NATIONS, type HelplineDirectory, type Nation } from './helpline-directory.js';

const ALL_NATIONS: readonly Nation[] = NATIONS;
const PUPILS: readonly Audience[] = ['primary', 'secondary', 'post16'];
const OLDER_PUPILS_AND_ADULTS: readonly Audience[] = ['secondary', 'post16', 'parent', 'staff'];
const ADULTS: readonly Audience[] = ['parent', 'staff'];
const EVERYONE: readonly Audience[] = ['primary', 'secondary', 'post16', 'parent', 'staff'];

/**
 * Helplines by audience and nation. Numbers change and services close: every entry records
 * its source and the day it was last checked, and helplines.test.ts fails once an entry is
 * older than `reviewDays`, so a stale number cannot ship unnoticed. The 2026-11-30 checks were
 * made against stored copies of the source pages (the build machine has no internet access):
 * check them on the live pages before a release, then update `lastChecked`.
 */
export const HELPLINE_DIRECTORY: HelplineDirectory = {
  reviewDays: 182,
  helplines: [
    {
      id: 'childline',
      name: { en: 'Childline', cy: 'Childline' },
      description: {
        en: 'For anyone under 19. Free, and it will not show on the phone bill.',
        cy: 'I unrhyw un dan 19 oed. Am ddim, ac ni fydd yn dangos ar y bil ffôn.',
      },
      call: '0800 1111',
      web: 'https://www.childline.org.uk/',
      audiences: PUPILS,
      nations: ALL_NATIONS,
      source: 'https://learning.nspcc.org.uk/research-resources/statistics-briefings/childline-nspcc-helpline-statistics',
      lastChecked: '2026-11-30',
    },
    {
      id: 'meic',
      name: { en: 'Meic', cy: 'Meic' },
      description: {
        en: 'For children and young people in Wales up to 25. Free, 8am to midnight every day, in Welsh or English.',
        cy: 'I blant a phobl ifanc yng Nghymru hyd at 25 oed. Am ddim, 8am tan hanner nos bob dydd, yn Gymraeg neu’n Saesneg.',
      },
      call: '080880 23456',
      text: { number: '84001' },
      web: 'https://www.meic.cymru/',
      audiences: PUPILS,
      nations: ['wales'],
      source: 'http://www.promo.cymru/project/meic/',
      lastChecked: '2026-11-30',
    },
    {
      id: 'nspcc-report-abuse-in-education',
      name: { en: 'NSPCC Report Abuse in Education', cy: 'NSPCC Report Abuse in Education' },
      description: {
        en: 'For young people who have experienced abuse at school, and for worried adults. Free and anonymous.',
        cy: 'I bobl ifanc sydd wedi profi camdriniaeth yn yr ysgol, ac i oedolion sy’n poeni. Am ddim ac yn ddienw.',
      },
      call: '0800 136 663',
      audiences: OLDER_PUPILS_AND_ADULTS,
      nations: ALL_NATIONS,
      source: 'https://racetothemoon.nspcc.org.uk/about-us/news-opinion/2021/report-abuse-education-helpline-extends',
      lastChecked: '2026-11-30',
    },
    {
      id: 'nspcc-helpline',
      name: { en: 'NSPCC Helpline', cy: 'Llinell Gymorth yr NSPCC' },
      description: {
        en: 'For adults worried about a child. Free from landlines and most mobiles.',
        cy: 'I oedolion sy’n poeni am blentyn. Am ddim o linellau tir a’r rhan fwyaf o ffonau symudol.',
      },
      call: '0808 800 5000',
      web: 'https://www.nspcc.org.uk/',
      audiences: ADULTS,
      nations: ALL_NATIONS,
      source: 'http://www.nspcc.org.uk/what-you-can-do/report-abuse/',
      lastChecked: '2026-11-30',
    },
    {
      id: 'shout',
      name: { en: 'Shout', cy: 'Shout' },
      description: {
        en: 'A free text service, any time, for anyone in the UK who is struggling to cope.',
        cy: 'Gwasanaeth tecstio am ddim, unrhyw bryd, i unrhyw un yn y DU sy’n cael trafferth ymdopi.',
      },
      text: { number: '85258', keyword: 'SHOUT' },
      web: 'https://giveusashout.org/',
      audiences: OLDER_PUPILS_AND_ADULTS,
      nations: ALL_NATIONS,
      source: 'https://giveusashout.org/about-us/faq/',
      lastChecked: '2026-11-30',
    },
    {
      id: 'emergency',
      name: { en: 'Emergency', cy: 'Argyfwng' },
      description: {
        en: 'If someone is in danger right now.',
        cy: 'Os oes rhywun mewn perygl nawr.',
      },
      call: '999',
      audiences: EVERYONE,
      nations: ALL_NATIONS,
      source: 'http://www.nspcc.org.uk/what-you-can-do/report-abuse/',
      lastChecked: '2026-11-30',
    },
  ],
};

