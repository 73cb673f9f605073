/**
 * School self-audit for designated safeguarding leads: culture, policies (harmful sexual
 * behaviour, online safety, alcohol and drugs), training, harmful sexual behaviour incidents
 * recorded over the last two years, anonymous reporting routes, and work with police school
 * officers. Answers are bands and categories, not free text or exact numbers, so that a
 * partnership can tally and compare schools.
 */
import { choice, preferNotToSay, words, type BankItem, type BankSurvey, type Choice, type LocalisableText } from '../authoring.js';
import { dontKnow, questionnaireSettings } from './common.js';

function item(name: string, title: LocalisableText, choices: Choice[], options: { sensitive?: boolean; agree?: string[]; description?: LocalisableText } = {}): BankItem {
  return {
    for: ['staff'],
    sensitive: options.sensitive ?? false,
    ...(options.agree ? { agree: options.agree } : {}),
    element: { type: 'radiogroup', name, title, choices, ...(options.description ? { description: options.description } : {}) },
  };
}

/** Yes, being written, no, don't know; Welsh answered with the question's verb. */
const policyChoices = (cyYes: string, cyNo: string): Choice[] => [
  choice('yes', ['Yes', cyYes]),
  choice('being_written', ['It is being written', 'Mae’n cael ei ysgrifennu']),
  choice('no', ['No', cyNo]),
  dontKnow(),
];

const culture: BankItem[] = [
  item(
    'audit_assume_happens',
    words(['Do staff work on the basis that sexual harassment happens at your school, even when there are no reports?', 'Ydy staff yn gweithio ar y sail bod aflonyddu rhywiol yn digwydd yn eich ysgol, hyd yn oed pan nad oes adroddiadau?']),
    [
      choice('all_staff', ['Yes, all staff', 'Ydyn, pob aelod o staff']),
      choice('some_staff', ['Some staff', 'Rhai aelodau o staff']),
      choice('no', ['No', 'Nac ydyn']),
      dontKnow(),
    ],
    { agree: ['all_staff'] },
  ),
  item(
    'audit_pupil_voice',
    words(['How often do pupils help shape how the school tackles sexual harassment?', 'Pa mor aml mae disgyblion yn helpu i lunio sut mae’r ysgol yn mynd i’r afael ag aflonyddu rhywiol?']),
    [
      choice('often', ['Often', 'Yn aml']),
      choice('sometimes', ['Sometimes', 'Weithiau']),
      choice('rarely', ['Rarely', 'Anaml']),
      choice('never', ['Never', 'Byth']),
      dontKnow(),
    ],
    { agree: ['often', 'sometimes'] },
  ),
  item(
    'audit_rse_consent',
    words(['Does your relationships and sex education teach consent in every year group?', 'Ydy eich addysg cydberthynas a rhywioldeb yn dysgu am ganiatâd ym mhob grŵp blwyddyn?']),
    [
      choice('yes', ['Yes', 'Ydy']),
      choice('some_years', ['In some year groups', 'Mewn rhai grwpiau blwyddyn']),
      choice('no', ['No', 'Nac ydy']),
      dontKnow(),
    ],
    { agree: ['yes'] },
  ),
];

const policies: BankItem[] = [
  item(
    'audit_policy_hsb',
    words(['Does your child protection policy cover harmful sexual behaviour between pupils?', 'Ydy eich polisi amddiffyn plant yn cynnwys ymddygiad rhywiol niweidiol rhwng disgyblion?']),
    policyChoices('Ydy', 'Nac ydy'),
    { agree: ['yes'] },
  ),
  item('audit_policy_online', words(['Do you have an online safety policy?', 'Oes gennych chi bolisi diogelwch ar-lein?']), policyChoices('Oes', 'Nac oes'), { agree: ['yes'] }),
  item('audit_policy_alcohol', words(['Do you have a policy on alcohol and drugs?', 'Oes gennych chi bolisi ar alcohol a chyffuriau?']), policyChoices('Oes', 'Nac oes'), { agree: ['yes'] }),
  item(
    'audit_policy_reviewed',
    words(['When did governors last review these policies?', 'Pryd adolygodd y llywodraethwyr y polisïau hyn ddiwethaf?']),
    [
      choice('last_year', ['In the last year', 'Yn ystod y flwyddyn ddiwethaf']),
      choice('one_to_two_years', ['One to two years ago', 'Un i ddwy flynedd yn ôl']),
      choice('over_two_years', ['More than two years ago', 'Mwy na dwy flynedd yn ôl']),
      dontKnow(),
    ],
    { agree: ['last_year'] },
  ),
];

const training: BankItem[] = [
  item(
    'audit_training_staff',
    words(['How many staff have had training on harmful sexual behaviour in the last two years?', 'Faint o staff sydd wedi cael hyfforddiant ar ymddygiad rhywiol niweidiol yn ystod y ddwy flynedd ddiwethaf?']),
    [
      choice('all', ['All staff', 'Pob aelod o staff']),
      choice('most', ['Most staff', 'Y rhan fwyaf o staff']),
      choice('some', ['Some staff', 'Rhai aelodau o staff']),
      choice('none', ['None', 'Dim un']),
      dontKnow(),
    ],
    { agree: ['all', 'most'] },
  ),
  item(
    'audit_training_governors',
    words(['Has the safeguarding governor had this training in the last two years?', 'Ydy’r llywodraethwr diogelu wedi cael yr hyfforddiant hwn yn ystod y ddwy flynedd ddiwethaf?']),
    [
      choice('yes', ['Yes', 'Ydy']),
      choice('no', ['No', 'Nac ydy']),
      choice('no_governor', ['There is no safeguarding governor', 'Does dim llywodraethwr diogelu']),
      dontKnow(),
    ],
    { agree: ['yes'] },
  ),
];

const incidents: BankItem[] = [
  item(
    'audit_hsb_incidents',
    words(['How many incidents of harmful sexual behaviour did the school record in the last two years?', 'Sawl digwyddiad o ymddygiad rhywiol niweidiol gofnododd yr ysgol yn ystod y ddwy flynedd ddiwethaf?']),
    [
      choice('none', ['None', 'Dim un']),
      choice('1_5', ['1 to 5', '1 i 5']),
      choice('6_20', ['6 to 20', '6 i 20']),
      choice('21_50', ['21 to 50', '21 i 50']),
      choice('over_50', ['More than 50', 'Mwy na 50']),
      dontKnow(),
      preferNotToSay(),
    ],
    {
      sensitive: true,
      description: words([
        'Count every incident on your safeguarding records, online and offline. Bands let a partnership compare schools without exact numbers.',
        'Cyfrifwch bob digwyddiad yn eich cofnodion diogelu, ar-lein ac all-lein. Mae bandiau’n gadael i bartneriaeth gymharu ysgolion heb union niferoedd.',
      ]),
    },
  ),
  item(
    'audit_hsb_trend',
    words(['Compared with the two years before that, is the number of incidents…', 'O’i gymharu â’r ddwy flynedd cyn hynny, ydy nifer y digwyddiadau…']),
    [
      choice('higher', ['Higher', 'Yn uwch']),
      choice('same', ['About the same', 'Tua’r un fath']),
      choice('lower', ['Lower', 'Yn is']),
      dontKnow(),
      preferNotToSay(),
    ],
    { sensitive: true },
  ),
  item(
    'audit_hsb_online',
    words(['About how many of those incidents happened online?', 'Tua faint o’r digwyddiadau hynny a ddigwyddodd ar-lein?']),
    [
      choice('none', ['None', 'Dim un']),
      choice('under_half', ['Less than half', 'Llai na hanner']),
      choice('half_or_more', ['Half or more', 'Hanner neu fwy']),
      dontKnow(),
      preferNotToSay(),
    ],
    { sensitive: true },
  ),
];

const reporting: BankItem[] = [
  {
    for: ['staff'],
    sensitive: false,
    element: {
      type: 'checkbox',
      name: 'audit_anonymous_routes',
      title: words(['Which anonymous ways can pupils use to report a worry? Choose all that apply.', 'Pa ffyrdd dienw gall disgyblion eu defnyddio i roi gwybod am bryder? Dewiswch bob un sy’n berthnasol.']),
      choices: [
        choice('online_form', ['An online form', 'Ffurflen ar-lein']),
        choice('worry_box', ['A worry box', 'Blwch pryderon']),
        choice('app', ['A reporting app', 'Ap rhoi gwybod']),
        choice('email', ['An email address', 'Cyfeiriad e-bost']),
        choice('other', ['Another way', 'Ffordd arall']),
        { ...choice('none', ['None', 'Dim un']), isExclusive: true },
      ],
    },
  },
  item(
    'audit_anonymous_used',
    words(['Have pupils used these ways to report in the last year?', 'Ydy disgyblion wedi defnyddio’r ffyrdd hyn i roi gwybod yn ystod y flwyddyn ddiwethaf?']),
    [choice('yes', ['Yes', 'Ydyn']), choice('no', ['No', 'Nac ydyn']), dontKnow()],
    { agree: ['yes'] },
  ),
  item(
    'audit_police_officer',
    words(['How often does the school work with a police school officer?', 'Pa mor aml mae’r ysgol yn gweithio gyda swyddog heddlu ysgolion?']),
    [
      choice('regularly', ['Regularly', 'Yn rheolaidd']),
      choice('sometimes', ['Sometimes', 'Weithiau']),
      choice('never', ['Never', 'Byth']),
      choice('no_officer', ['There is no officer for our school', 'Does dim swyddog ar gyfer ein hysgol']),
      dontKnow(),
    ],
    { agree: ['regularly', 'sometimes'] },
  ),
  item(
    'audit_police_protocol',
    words(['Do you have an agreed way to share information with the police about harmful sexual behaviour?', 'Oes gennych chi ffordd gytûn o rannu gwybodaeth â’r heddlu am ymddygiad rhywiol niweidiol?']),
    policyChoices('Oes', 'Nac oes'),
    { agree: ['yes'] },
  ),
];

export const schoolAudit: BankSurvey = {
  id: 'school-audit',
  title: words(['School self-audit: harmful sexual behaviour', 'Hunanarchwiliad ysgol: ymddygiad rhywiol niweidiol']),
  audiences: ['staff'],
  intro: words([
    '<p>This self-audit is for the designated safeguarding lead. It asks about your school’s culture, policies, training, records and partners. Answers are in bands, so that a partnership can compare schools.</p><p>Answer for the school as it is now. You can skip any question.</p>',
    '<p>Mae’r hunanarchwiliad hwn ar gyfer yr arweinydd diogelu dynodedig. Mae’n gofyn am ddiwylliant, polisïau, hyfforddiant, cofnodion a phartneriaid eich ysgol. Mae’r atebion mewn bandiau, fel y gall partneriaeth gymharu ysgolion.</p><p>Atebwch ar gyfer yr ysgol fel y mae hi nawr. Gallwch chi hepgor unrhyw gwestiwn.</p>',
  ]),
  completedHtml: words([
    '<h3>Thank you</h3><p>Your partnership will share the results for all its schools together.</p>',
    '<h3>Diolch</h3><p>Bydd eich partneriaeth yn rhannu’r canlyniadau ar gyfer ei holl ysgolion gyda’i gilydd.</p>',
  ]),
  settings: questionnaireSettings(words(['Start the audit', 'Dechrau’r archwiliad'])),
  pages: [
    { name: 'culture', title: words(['Culture', 'Diwylliant']), items: culture },
    { name: 'policies', title: words(['Policies', 'Polisïau']), items: policies },
    { name: 'training', title: words(['Training', 'Hyfforddiant']), items: training },
    { name: 'incidents', title: words(['Incidents recorded', 'Digwyddiadau a gofnodwyd']), items: incidents },
    { name: 'reporting', title: words(['Reporting and partners', 'Rhoi gwybod a phartneriaid']), items: reporting },
  ],
};
