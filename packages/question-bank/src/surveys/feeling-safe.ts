/**
 * Feeling safe and respected: one survey for primary (7–11), secondary and post-16 pupils,
 * parents and staff. Each item keeps one `name` for every audience that answers it; pupils are
 * asked about their own experience (always with peer framing for harassment: "between people
 * your age", as in Ofsted's 2021 review), parents "how often do you think …" and "would your
 * child tell you …", staff "how often do you think …" and "do you feel confident to …".
 * Primary items cover kindness, unkind touching, personal space, being left out and being
 * unkind online, with no sexualised wording; sexual harassment is asked about from secondary up.
 */
import type { Audience } from '@pupil-voice/schema';
import { choice, preferNotToSay, words, type BankItem, type BankSurvey, type Choice, type LocalisableText } from '../authoring.js';
import { dontKnow, frequencyScale, HAPPENS_AGREE, notSure, questionnaireSettings, SAFE_AGREE, safeScale, yesNo } from './common.js';

const ALL: readonly Audience[] = ['primary', 'secondary', 'post16', 'parent', 'staff'];
const PUPILS_OLDER_AND_ADULTS: readonly Audience[] = ['secondary', 'post16', 'parent', 'staff'];
const PRIMARY_AND_ADULTS: readonly Audience[] = ['primary', 'parent', 'staff'];

function radio(name: string, title: LocalisableText, choices: Choice[], more: Record<string, unknown> = {}) {
  return { type: 'radiogroup', name, title, choices, ...more };
}

function checkbox(name: string, title: LocalisableText, choices: Choice[]) {
  return { type: 'checkbox', name, title, choices };
}

const exclusive = (item: Choice): Choice => ({ ...item, isExclusive: true });

/** A behaviour asked about as "how often does it happen", with the top box "a lot or sometimes". */
function happens(name: string, audiences: readonly Audience[], title: LocalisableText, description?: LocalisableText): BankItem {
  return {
    for: audiences,
    sensitive: true,
    agree: HAPPENS_AGREE,
    element: radio(name, title, frequencyScale(), description ? { description } : {}),
  };
}

const intro = words(
  [
    '<p>We want to know how safe and respected pupils feel, in school and online, so we can make things better.</p>' +
      '<h3>Nobody will know it was you</h3><p>Do not write your name. We cannot see who answered. Staff only see answers added up for the whole school.</p>' +
      '<h3>You choose</h3><p>You do not have to take part. You can skip any question. Most questions have a <strong>Prefer not to say</strong> answer.</p>' +
      '<h3>If something is worrying you</h3><p>This survey is anonymous, so nobody can contact you about your answers. If something is worrying you, talk to an adult you trust. This page also shows where you can get help.</p>',
    '<p>Rydyn ni eisiau gwybod pa mor ddiogel mae disgyblion yn teimlo, a faint o barch maen nhw’n ei gael, yn yr ysgol ac ar-lein, er mwyn gwneud pethau’n well.</p>' +
      '<h3>Fydd neb yn gwybod mai ti atebodd</h3><p>Paid ag ysgrifennu dy enw. Allwn ni ddim gweld pwy atebodd. Dim ond atebion wedi’u hadio at ei gilydd ar gyfer yr ysgol gyfan mae staff yn eu gweld.</p>' +
      '<h3>Ti sy’n dewis</h3><p>Does dim rhaid i ti gymryd rhan. Galli di hepgor unrhyw gwestiwn. Mae gan y rhan fwyaf o gwestiynau ateb <strong>Gwell gen i beidio â dweud</strong>.</p>' +
      '<h3>Os oes rhywbeth yn dy boeni</h3><p>Mae’r arolwg hwn yn ddienw, felly all neb gysylltu â ti am dy atebion. Os oes rhywbeth yn dy boeni, siarada ag oedolyn rwyt ti’n ymddiried ynddo. Mae’r dudalen hon hefyd yn dangos ble galli di gael help.</p>',
  ],
  {
    primary: [
      '<p>We want to know if children feel safe and happy at school.</p>' +
        '<h3>This is not a test</h3><p>There are no right or wrong answers. Do not write your name. Nobody will know what you said.</p>' +
        '<h3>You choose</h3><p>You do not have to answer. You can skip any question, or choose <strong>Prefer not to say</strong>.</p>' +
        '<h3>If you are worried</h3><p>We cannot see who you are, so we cannot help you from your answers. If something is worrying you, tell an adult you trust. This page also shows where you can get help.</p>',
      '<p>Rydyn ni eisiau gwybod a yw plant yn teimlo’n ddiogel ac yn hapus yn yr ysgol.</p>' +
        '<h3>Nid prawf yw hwn</h3><p>Does dim atebion cywir nac anghywir. Paid ag ysgrifennu dy enw. Fydd neb yn gwybod beth ddywedaist ti.</p>' +
        '<h3>Ti sy’n dewis</h3><p>Does dim rhaid i ti ateb. Galli di hepgor unrhyw gwestiwn, neu ddewis <strong>Gwell gen i beidio â dweud</strong>.</p>' +
        '<h3>Os wyt ti’n poeni</h3><p>Allwn ni ddim gweld pwy wyt ti, felly allwn ni ddim dy helpu di o dy atebion. Os oes rhywbeth yn dy boeni, dyweda wrth oedolyn rwyt ti’n ymddiried ynddo. Mae’r dudalen hon hefyd yn dangos ble galli di gael help.</p>',
    ],
    post16: [
      '<p>We want to know how safe and respected students feel, at school or college and online, so we can make things better.</p>' +
        '<h3>Nobody will know it was you</h3><p>Do not write your name. We cannot see who answered. Staff only see answers added up for everyone.</p>' +
        '<h3>You choose</h3><p>You do not have to take part. You can skip any question. Most questions have a <strong>Prefer not to say</strong> answer.</p>' +
        '<h3>If something is worrying you</h3><p>This survey is anonymous, so nobody can contact you about your answers. If something is worrying you, talk to someone you trust. This page also shows where you can get help.</p>',
      '<p>Rydyn ni eisiau gwybod pa mor ddiogel mae myfyrwyr yn teimlo, a faint o barch maen nhw’n ei gael, yn yr ysgol neu’r coleg ac ar-lein, er mwyn gwneud pethau’n well.</p>' +
        '<h3>Fydd neb yn gwybod mai ti atebodd</h3><p>Paid ag ysgrifennu dy enw. Allwn ni ddim gweld pwy atebodd. Dim ond atebion wedi’u hadio at ei gilydd ar gyfer pawb mae staff yn eu gweld.</p>' +
        '<h3>Ti sy’n dewis</h3><p>Does dim rhaid i ti gymryd rhan. Galli di hepgor unrhyw gwestiwn. Mae gan y rhan fwyaf o gwestiynau ateb <strong>Gwell gen i beidio â dweud</strong>.</p>' +
        '<h3>Os oes rhywbeth yn dy boeni</h3><p>Mae’r arolwg hwn yn ddienw, felly all neb gysylltu â ti am dy atebion. Os oes rhywbeth yn dy boeni, siarada â rhywun rwyt ti’n ymddiried ynddo. Mae’r dudalen hon hefyd yn dangos ble galli di gael help.</p>',
    ],
    parent: [
      '<p>This survey asks what you think pupils at your child’s school experience: how safe they feel, how they treat each other, and whether they would tell someone if something worried them. Pupils and staff answer the same questions, so the school can see where views differ.</p>' +
        '<h3>Your answers are anonymous</h3><p>We do not ask for your name or your child’s name. The school only sees answers added up for all parents and carers, never numbers so small that someone could be recognised.</p>' +
        '<h3>You choose</h3><p>You can skip any question. Most questions have <strong>Not sure</strong> and <strong>Prefer not to say</strong> answers.</p>' +
        '<h3>If you are worried about a child</h3><p>This survey cannot pass on a concern. If you are worried about a child, contact the school’s designated safeguarding lead. This page also shows where you can get help.</p>',
      '<p>Mae’r arolwg hwn yn gofyn beth rydych chi’n meddwl mae disgyblion yn ysgol eich plentyn yn ei brofi: pa mor ddiogel maen nhw’n teimlo, sut maen nhw’n trin ei gilydd, ac a fydden nhw’n dweud wrth rywun pe bai rhywbeth yn eu poeni. Mae disgyblion a staff yn ateb yr un cwestiynau, felly gall yr ysgol weld ble mae barn yn wahanol.</p>' +
        '<h3>Mae eich atebion yn ddienw</h3><p>Dydyn ni ddim yn gofyn am eich enw chi nac enw eich plentyn. Dim ond atebion wedi’u hadio at ei gilydd ar gyfer pob rhiant a gofalwr mae’r ysgol yn eu gweld, a byth niferoedd mor fach fel y gallai rhywun gael ei adnabod.</p>' +
        '<h3>Chi sy’n dewis</h3><p>Gallwch chi hepgor unrhyw gwestiwn. Mae gan y rhan fwyaf o gwestiynau atebion <strong>Ddim yn siŵr</strong> a <strong>Gwell gen i beidio â dweud</strong>.</p>' +
        '<h3>Os ydych chi’n poeni am blentyn</h3><p>All yr arolwg hwn ddim trosglwyddo pryder. Os ydych chi’n poeni am blentyn, cysylltwch ag arweinydd diogelu dynodedig yr ysgol. Mae’r dudalen hon hefyd yn dangos ble gallwch chi gael help.</p>',
    ],
    staff: [
      '<p>This survey asks what you think pupils at this school experience, and how confident you feel to respond. Pupils and parents answer the same questions, so the school can see where views differ.</p>' +
        '<h3>Your answers are anonymous</h3><p>We do not ask for your name or your role. Leaders only see answers added up for all staff, never numbers so small that someone could be recognised.</p>' +
        '<h3>You choose</h3><p>You can skip any question. Most questions have <strong>Not sure</strong> and <strong>Prefer not to say</strong> answers.</p>' +
        '<h3>If you are worried about a child</h3><p>This survey is not a way to report a concern. Follow your school’s safeguarding procedures and speak to the designated safeguarding lead today.</p>',
      '<p>Mae’r arolwg hwn yn gofyn beth rydych chi’n meddwl mae disgyblion yr ysgol hon yn ei brofi, a pha mor hyderus rydych chi’n teimlo i ymateb. Mae disgyblion a rhieni yn ateb yr un cwestiynau, felly gall yr ysgol weld ble mae barn yn wahanol.</p>' +
        '<h3>Mae eich atebion yn ddienw</h3><p>Dydyn ni ddim yn gofyn am eich enw na’ch rôl. Dim ond atebion wedi’u hadio at ei gilydd ar gyfer yr holl staff mae arweinwyr yn eu gweld, a byth niferoedd mor fach fel y gallai rhywun gael ei adnabod.</p>' +
        '<h3>Chi sy’n dewis</h3><p>Gallwch chi hepgor unrhyw gwestiwn. Mae gan y rhan fwyaf o gwestiynau atebion <strong>Ddim yn siŵr</strong> a <strong>Gwell gen i beidio â dweud</strong>.</p>' +
        '<h3>Os ydych chi’n poeni am blentyn</h3><p>Nid ffordd o roi gwybod am bryder yw’r arolwg hwn. Dilynwch weithdrefnau diogelu eich ysgol a siaradwch â’r arweinydd diogelu dynodedig heddiw.</p>',
    ],
  },
);

const completed = words(
  [
    '<h3>Thank you for your answers</h3><p>Your answers help make school safer. If anything in this survey worried you, talk to an adult you trust. This page also shows where you can get help.</p>',
    '<h3>Diolch am dy atebion</h3><p>Mae dy atebion yn helpu i wneud yr ysgol yn fwy diogel. Os oedd unrhyw beth yn yr arolwg hwn yn dy boeni, siarada ag oedolyn rwyt ti’n ymddiried ynddo. Mae’r dudalen hon hefyd yn dangos ble galli di gael help.</p>',
  ],
  {
    primary: [
      '<h3>Thank you</h3><p>Thank you for your answers. If anything worried you, tell an adult you trust.</p>',
      '<h3>Diolch</h3><p>Diolch am dy atebion. Os oedd unrhyw beth yn dy boeni, dyweda wrth oedolyn rwyt ti’n ymddiried ynddo.</p>',
    ],
    post16: [
      '<h3>Thank you for your answers</h3><p>Your answers help make school and college safer. If anything in this survey worried you, talk to someone you trust. This page also shows where you can get help.</p>',
      '<h3>Diolch am dy atebion</h3><p>Mae dy atebion yn helpu i wneud yr ysgol a’r coleg yn fwy diogel. Os oedd unrhyw beth yn yr arolwg hwn yn dy boeni, siarada â rhywun rwyt ti’n ymddiried ynddo. Mae’r dudalen hon hefyd yn dangos ble galli di gael help.</p>',
    ],
    parent: [
      '<h3>Thank you for your answers</h3><p>The school will share what it learns from this survey, with the views of pupils and staff beside yours.</p>',
      '<h3>Diolch am eich atebion</h3><p>Bydd yr ysgol yn rhannu’r hyn mae’n ei ddysgu o’r arolwg hwn, gyda barn disgyblion a staff wrth ochr eich barn chi.</p>',
    ],
    staff: [
      '<h3>Thank you for your answers</h3><p>The school will share what it learns from this survey, with the views of pupils and parents beside yours.</p>',
      '<h3>Diolch am eich atebion</h3><p>Bydd yr ysgol yn rhannu’r hyn mae’n ei ddysgu o’r arolwg hwn, gyda barn disgyblion a rhieni wrth ochr eich barn chi.</p>',
    ],
  },
);

/** "… at your child's school" for parents, "… at this school" for staff, in both languages. */
const PARENT_PUPILS: [string, string] = ['pupils at your child’s school', 'disgyblion yn ysgol eich plentyn'];
const STAFF_PUPILS: [string, string] = ['pupils at this school', 'disgyblion yr ysgol hon'];

/** Parent and staff wordings of "How often do you think <pupils> <verb>?". */
function adultsThink(en: string, cy: string): { parent: [string, string]; staff: [string, string] } {
  return {
    parent: [`How often do you think ${PARENT_PUPILS[0]} ${en}?`, `Pa mor aml ydych chi’n meddwl bod ${PARENT_PUPILS[1]} ${cy}?`],
    staff: [`How often do you think ${STAFF_PUPILS[0]} ${en}?`, `Pa mor aml ydych chi’n meddwl bod ${STAFF_PUPILS[1]} ${cy}?`],
  };
}

const takePart: BankItem = {
  for: ALL,
  sensitive: false,
  compare: false,
  element: radio(
    'take_part',
    words(['Do you want to answer these questions?', 'Wyt ti eisiau ateb y cwestiynau hyn?'], {
      parent: ['Do you want to answer this survey?', 'Ydych chi eisiau ateb yr arolwg hwn?'],
      staff: ['Do you want to answer this survey?', 'Ydych chi eisiau ateb yr arolwg hwn?'],
    }),
    [
      choice('yes', ['Yes, I want to take part', 'Ydw, dw i eisiau cymryd rhan'], {
        parent: ['Yes, I want to take part', 'Ydw, rydw i eisiau cymryd rhan'],
        staff: ['Yes, I want to take part', 'Ydw, rydw i eisiau cymryd rhan'],
      }),
      choice('no', ['No, I do not want to take part', 'Nac ydw, dw i ddim eisiau cymryd rhan'], {
        parent: ['No, I do not want to take part', 'Nac ydw, dydw i ddim eisiau cymryd rhan'],
        staff: ['No, I do not want to take part', 'Nac ydw, dydw i ddim eisiau cymryd rhan'],
      }),
    ],
    {
      isRequired: true,
      requiredErrorText: words(
        ['Choose yes or no. If you choose no, you will go straight to the end.', 'Dewisa ie neu na. Os wyt ti’n dewis na, byddi di’n mynd yn syth i’r diwedd.'],
        {
          parent: ['Choose yes or no. If you choose no, you will go straight to the end.', 'Dewiswch ie neu na. Os ydych chi’n dewis na, byddwch chi’n mynd yn syth i’r diwedd.'],
          staff: ['Choose yes or no. If you choose no, you will go straight to the end.', 'Dewiswch ie neu na. Os ydych chi’n dewis na, byddwch chi’n mynd yn syth i’r diwedd.'],
        },
      ),
    },
  ),
};

const safeAtSchool: BankItem = {
  for: ALL,
  sensitive: true,
  agree: SAFE_AGREE,
  element: radio(
    'safe_at_school',
    words(['How often do you feel safe at school?', 'Pa mor aml wyt ti’n teimlo’n ddiogel yn yr ysgol?'], {
      primary: ['Do you feel safe at school?', 'Wyt ti’n teimlo’n ddiogel yn yr ysgol?'],
      post16: ['How often do you feel safe at school or college?', 'Pa mor aml wyt ti’n teimlo’n ddiogel yn yr ysgol neu’r coleg?'],
      parent: ['How often do you think your child feels safe at school?', 'Pa mor aml ydych chi’n meddwl bod eich plentyn yn teimlo’n ddiogel yn yr ysgol?'],
      staff: ['How often do you think pupils feel safe at school?', 'Pa mor aml ydych chi’n meddwl bod disgyblion yn teimlo’n ddiogel yn yr ysgol?'],
    }),
    safeScale(),
  ),
};

const safePlaces: BankItem = {
  for: ALL,
  sensitive: true,
  agree: SAFE_AGREE,
  element: {
    type: 'matrix',
    name: 'safe_places',
    title: words(['How often do you feel safe in these places?', 'Pa mor aml wyt ti’n teimlo’n ddiogel yn y llefydd hyn?'], {
      primary: ['Do you feel safe in these places?', 'Wyt ti’n teimlo’n ddiogel yn y llefydd hyn?'],
      parent: ['How often do you think your child feels safe in these places?', 'Pa mor aml ydych chi’n meddwl bod eich plentyn yn teimlo’n ddiogel yn y llefydd hyn?'],
      staff: ['How often do you think pupils feel safe in these places?', 'Pa mor aml ydych chi’n meddwl bod disgyblion yn teimlo’n ddiogel yn y llefydd hyn?'],
    }),
    columns: safeScale(),
    rows: [
      choice('lessons', ['In lessons', 'Mewn gwersi'], { primary: ['In your classroom', 'Yn dy ystafell ddosbarth'] }),
      choice('corridors', ['In corridors', 'Yn y coridorau']),
      choice('toilets', ['In the toilets', 'Yn y toiledau']),
      choice('outside', ['Outside at break and lunch', 'Y tu allan amser egwyl a chinio'], { primary: ['In the playground', 'Ar yr iard chwarae'] }),
      choice('journey', ['On the way to and from school', 'Ar y ffordd i’r ysgol ac yn ôl'], {
        post16: ['On the way to and from school or college', 'Ar y ffordd i’r ysgol neu’r coleg ac yn ôl'],
      }),
      choice('online', ['Online', 'Ar-lein'], { primary: ['Online, in games and apps', 'Ar-lein, mewn gemau ac apiau'] }),
    ],
  },
};

const kindToEachOther: BankItem = {
  for: PRIMARY_AND_ADULTS,
  sensitive: true,
  agree: HAPPENS_AGREE,
  element: radio(
    'kind_to_each_other',
    words(['How often are children at your school kind to each other?', 'Pa mor aml mae plant yn dy ysgol di yn garedig wrth ei gilydd?'],
      adultsThink('are kind to each other', 'yn garedig wrth ei gilydd')),
    frequencyScale(),
  ),
};

const unkindTouching = happens(
  'unkind_touching',
  PRIMARY_AND_ADULTS,
  words(['How often do children touch others in ways they do not like?', 'Pa mor aml mae plant yn cyffwrdd ag eraill mewn ffyrdd dydyn nhw ddim yn eu hoffi?'],
    adultsThink('touch other pupils in a way they do not like', 'yn cyffwrdd â disgyblion eraill mewn ffordd dydyn nhw ddim yn ei hoffi')),
  words(['Like pushing, grabbing, or a hug that is not wanted.', 'Fel gwthio, cydio, neu gofleidio rhywun sydd ddim eisiau hynny.'], {
    parent: ['For example, pushing, grabbing, or hugging someone who does not want it.', 'Er enghraifft, gwthio, cydio, neu gofleidio rhywun sydd ddim eisiau hynny.'],
    staff: ['For example, pushing, grabbing, or hugging someone who does not want it.', 'Er enghraifft, gwthio, cydio, neu gofleidio rhywun sydd ddim eisiau hynny.'],
  }),
);

const personalSpace = happens(
  'personal_space',
  PRIMARY_AND_ADULTS,
  words(['How often do children get too close to others who want space?', 'Pa mor aml mae plant yn dod yn rhy agos at eraill sydd eisiau lle?'], {
    parent: [`How often do you think ${PARENT_PUPILS[0]} do not respect other pupils’ personal space?`, `Pa mor aml ydych chi’n meddwl nad yw ${PARENT_PUPILS[1]} yn parchu gofod personol disgyblion eraill?`],
    staff: [`How often do you think ${STAFF_PUPILS[0]} do not respect other pupils’ personal space?`, `Pa mor aml ydych chi’n meddwl nad yw ${STAFF_PUPILS[1]} yn parchu gofod personol disgyblion eraill?`],
  }),
  words(['Personal space is the space around your body. It belongs to you.', 'Gofod personol yw’r lle o gwmpas dy gorff. Mae’n perthyn i ti.'], {
    parent: ['Personal space is the space around a person’s body that they want to keep to themselves.', 'Gofod personol yw’r lle o gwmpas corff rhywun y mae eisiau ei gadw iddo’i hun.'],
    staff: ['Personal space is the space around a person’s body that they want to keep to themselves.', 'Gofod personol yw’r lle o gwmpas corff rhywun y mae eisiau ei gadw iddo’i hun.'],
  }),
);

const leftOut = happens(
  'left_out',
  PRIMARY_AND_ADULTS,
  words(['How often are children left out on purpose?', 'Pa mor aml mae plant yn cael eu gadael allan yn fwriadol?'],
    adultsThink('are left out on purpose', 'yn cael eu gadael allan yn fwriadol')),
);

const unkindOnline = happens(
  'unkind_online',
  ALL,
  words(['How often are people your age unkind to each other online?', 'Pa mor aml mae pobl dy oed di yn gas wrth ei gilydd ar-lein?'], {
    primary: ['How often do children say mean things online?', 'Pa mor aml mae plant yn dweud pethau cas ar-lein?'],
    ...adultsThink('are unkind to each other online', 'yn gas wrth ei gilydd ar-lein'),
  }),
);

const knowHarassment: BankItem = {
  for: PUPILS_OLDER_AND_ADULTS,
  sensitive: true,
  agree: ['yes'],
  element: radio(
    'know_harassment',
    words(['Do you know what sexual harassment is?', 'Wyt ti’n gwybod beth yw aflonyddu rhywiol?'], {
      parent: ['Do you think your child knows what sexual harassment is?', 'Ydych chi’n meddwl bod eich plentyn yn gwybod beth yw aflonyddu rhywiol?'],
      staff: ['Do you think most pupils know what sexual harassment is?', 'Ydych chi’n meddwl bod y rhan fwyaf o ddisgyblion yn gwybod beth yw aflonyddu rhywiol?'],
    }),
    [yesNo('Ydw', 'Nac ydw')[0], notSure(), yesNo('Ydw', 'Nac ydw')[1], preferNotToSay()],
  ),
};

const harassmentItems: BankItem[] = [
  happens(
    'happens_sexist_names',
    PUPILS_OLDER_AND_ADULTS,
    words(['How often are people your age called sexist names?', 'Pa mor aml mae pobl dy oed di yn cael eu galw’n enwau rhywiaethol?'],
      adultsThink('are called sexist names', 'yn cael eu galw’n enwau rhywiaethol')),
    words(['Names that put someone down because of their sex or their body.', 'Enwau sy’n bychanu rhywun oherwydd eu rhyw neu eu corff.']),
  ),
  happens(
    'happens_unwanted_touching',
    PUPILS_OLDER_AND_ADULTS,
    words(['How often are people your age touched in a sexual way when they do not want it?', 'Pa mor aml mae pobl dy oed di yn cael eu cyffwrdd mewn ffordd rywiol pan nad ydyn nhw eisiau hynny?'],
      adultsThink('are touched in a sexual way when they do not want it', 'yn cael eu cyffwrdd mewn ffordd rywiol pan nad ydyn nhw eisiau hynny')),
  ),
  happens(
    'happens_pressure_images',
    PUPILS_OLDER_AND_ADULTS,
    words(['How often are people your age pushed to send nude or sexual pictures of themselves?', 'Pa mor aml mae pobl dy oed di yn cael eu rhoi dan bwysau i anfon lluniau noeth neu rywiol ohonyn nhw eu hunain?'],
      adultsThink('are pushed to send nude or sexual pictures of themselves', 'yn cael eu rhoi dan bwysau i anfon lluniau noeth neu rywiol ohonyn nhw eu hunain')),
  ),
  happens(
    'happens_images_shared',
    PUPILS_OLDER_AND_ADULTS,
    words(['How often are nude or sexual pictures of people your age shared without their OK?', 'Pa mor aml mae lluniau noeth neu rywiol o bobl dy oed di yn cael eu rhannu heb iddyn nhw gytuno?'], {
      parent: [`How often do you think nude or sexual pictures of ${PARENT_PUPILS[0]} are shared when they did not agree?`, `Pa mor aml ydych chi’n meddwl bod lluniau noeth neu rywiol o ${PARENT_PUPILS[1]} yn cael eu rhannu heb iddyn nhw gytuno?`],
      staff: [`How often do you think nude or sexual pictures of ${STAFF_PUPILS[0]} are shared when they did not agree?`, `Pa mor aml ydych chi’n meddwl bod lluniau noeth neu rywiol o ${STAFF_PUPILS[1]} yn cael eu rhannu heb iddyn nhw gytuno?`],
    }),
  ),
];

const wouldTell: BankItem = {
  for: ALL,
  sensitive: true,
  agree: ['yes'],
  element: radio(
    'would_tell',
    words(['If something worried you at school, would you tell someone?', 'Pe bai rhywbeth yn dy boeni di yn yr ysgol, fyddet ti’n dweud wrth rywun?'], {
      post16: ['If something worried you at school or college, would you tell someone?', 'Pe bai rhywbeth yn dy boeni di yn yr ysgol neu’r coleg, fyddet ti’n dweud wrth rywun?'],
      parent: ['If something worrying happened to your child at school, would your child tell you?', 'Pe bai rhywbeth yn poeni eich plentyn yn yr ysgol, fyddai eich plentyn yn dweud wrthych chi?'],
      staff: ['If something worried a pupil at school, would they tell a member of staff?', 'Pe bai rhywbeth yn poeni disgybl yn yr ysgol, fyddai’n dweud wrth aelod o staff?'],
    }),
    [
      choice('yes', ['Yes', 'Byddwn'], { parent: ['Yes', 'Byddai'], staff: ['Yes', 'Byddai'] }),
      choice('maybe', ['Maybe', 'Efallai']),
      choice('no', ['No', 'Na fyddwn'], { parent: ['No', 'Na fyddai'], staff: ['No', 'Na fyddai'] }),
      notSure(),
      preferNotToSay(),
    ],
  ),
};

const THIRD_PERSON_FAMILY: [string, string] = ['Someone else in their family', 'Rhywun arall yn eu teulu'];

const tellWho: BankItem = {
  for: ALL,
  sensitive: true,
  element: checkbox(
    'tell_who',
    words(['Who would you tell? Choose all that fit.', 'Wrth bwy fyddet ti’n dweud? Dewisa bob un sy’n addas.'], {
      parent: ['Who do you think your child would tell? Choose all that fit.', 'Wrth bwy ydych chi’n meddwl y byddai eich plentyn yn dweud? Dewiswch bob un sy’n addas.'],
      staff: ['Who do you think pupils would tell? Choose all that fit.', 'Wrth bwy ydych chi’n meddwl y byddai disgyblion yn dweud? Dewiswch bob un sy’n addas.'],
    }),
    [
      choice('parent_carer', ['A parent or carer', 'Rhiant neu ofalwr'], { parent: ['You or another parent or carer', 'Chi neu riant neu ofalwr arall'] }),
      choice('school_adult', ['A teacher or another adult at school', 'Athro neu oedolyn arall yn yr ysgol'], {
        post16: ['A teacher or another adult at school or college', 'Athro neu oedolyn arall yn yr ysgol neu’r coleg'],
      }),
      choice('friend', ['A friend', 'Ffrind']),
      choice('family', ['Someone else in my family', 'Rhywun arall yn fy nheulu'], { parent: THIRD_PERSON_FAMILY, staff: THIRD_PERSON_FAMILY }),
      choice('helpline', ['A helpline', 'Llinell gymorth']),
      choice('someone_else', ['Someone else', 'Rhywun arall']),
      exclusive(choice('nobody', ['Nobody', 'Neb'])),
      exclusive(notSure()),
      exclusive(preferNotToSay()),
    ],
  ),
};

const thirdPerson = (en: string, cy: string) => ({ parent: [en, cy] as [string, string], staff: [en, cy] as [string, string] });

const stopsTelling: BankItem = {
  for: ALL,
  sensitive: true,
  element: checkbox(
    'stops_telling',
    words(['What might stop you telling someone? Choose all that fit.', 'Beth allai dy rwystro di rhag dweud wrth rywun? Dewisa bob un sy’n addas.'], {
      parent: ['What do you think might stop your child telling someone? Choose all that fit.', 'Beth ydych chi’n meddwl allai rwystro eich plentyn rhag dweud wrth rywun? Dewiswch bob un sy’n addas.'],
      staff: ['What do you think might stop pupils telling someone? Choose all that fit.', 'Beth ydych chi’n meddwl allai rwystro disgyblion rhag dweud wrth rywun? Dewiswch bob un sy’n addas.'],
    }),
    [
      choice('nothing_would_happen', ['I think nothing would happen', 'Dw i’n meddwl na fyddai dim byd yn digwydd'], thirdPerson('Thinking nothing would happen', 'Meddwl na fyddai dim byd yn digwydd')),
      choice('make_worse', ['It might make things worse', 'Gallai wneud pethau’n waeth']),
      choice('get_in_trouble', ['I might get into trouble', 'Gallwn i fynd i drwbl'], thirdPerson('Worry about getting into trouble', 'Poeni am fynd i drwbl')),
      choice('others_find_out', ['Other people might find out', 'Gallai pobl eraill ddod i wybod']),
      choice('embarrassed', ['I would feel embarrassed', 'Byddwn i’n teimlo embaras'], thirdPerson('Feeling embarrassed', 'Teimlo embaras')),
      choice('not_believed', ['I might not be believed', 'Efallai na fyddai neb yn fy nghredu'], thirdPerson('Worry about not being believed', 'Poeni na fydden nhw’n cael eu credu')),
      choice('dont_know_who', ['I do not know who to tell', 'Dw i ddim yn gwybod wrth bwy i ddweud'], thirdPerson('Not knowing who to tell', 'Ddim yn gwybod wrth bwy i ddweud')),
      exclusive(choice('nothing_stops', ['Nothing would stop me', 'Fyddai dim byd yn fy rhwystro'], thirdPerson('Nothing would stop them', 'Fyddai dim byd yn eu rhwystro'))),
      exclusive(notSure()),
      exclusive(preferNotToSay()),
    ],
  ),
};

const knowWhatHappens: BankItem = {
  for: ALL,
  sensitive: true,
  agree: ['yes'],
  element: radio(
    'know_what_happens',
    words(['Do you know what happens after you tell someone at school?', 'Wyt ti’n gwybod beth sy’n digwydd ar ôl i ti ddweud wrth rywun yn yr ysgol?'], {
      primary: ['Do you know what happens after you tell an adult at school?', 'Wyt ti’n gwybod beth sy’n digwydd ar ôl i ti ddweud wrth oedolyn yn yr ysgol?'],
      post16: ['Do you know what happens after you tell someone at school or college?', 'Wyt ti’n gwybod beth sy’n digwydd ar ôl i ti ddweud wrth rywun yn yr ysgol neu’r coleg?'],
      parent: ['Do you know what the school does after a child tells them something worrying?', 'Ydych chi’n gwybod beth mae’r ysgol yn ei wneud ar ôl i blentyn ddweud rhywbeth sy’n peri pryder wrthyn nhw?'],
      staff: ['Do you know what happens after a pupil tells a member of staff something worrying?', 'Ydych chi’n gwybod beth sy’n digwydd ar ôl i ddisgybl ddweud rhywbeth sy’n peri pryder wrth aelod o staff?'],
    }),
    [choice('yes', ['Yes', 'Ydw']), choice('a_bit', ['A bit', 'Ychydig']), choice('no', ['No', 'Nac ydw']), preferNotToSay()],
  ),
};

/** "Do you feel confident to …?" for staff: yes, a bit, no. */
function confident(name: string, en: string, cy: string): BankItem {
  return {
    for: ['staff'],
    sensitive: true,
    agree: ['yes'],
    element: radio(name, words([`Do you feel confident to ${en}?`, `Ydych chi’n teimlo’n hyderus i ${cy}?`]), [
      choice('yes', ['Yes', 'Ydw']),
      choice('a_bit', ['A bit', 'Ychydig']),
      choice('no', ['No', 'Nac ydw']),
      preferNotToSay(),
    ]),
  };
}

const staffItems: BankItem[] = [
  confident('staff_confident_respond', 'respond well when a pupil tells you about sexual harassment', 'ymateb yn dda pan fydd disgybl yn dweud wrthych chi am aflonyddu rhywiol'),
  confident('staff_confident_recognise', 'spot harmful sexual behaviour between pupils', 'sylwi ar ymddygiad rhywiol niweidiol rhwng disgyblion'),
  confident('staff_confident_teach', 'teach pupils what sexual harassment and consent mean', 'ddysgu disgyblion beth yw ystyr aflonyddu rhywiol a chaniatâd'),
  {
    for: ['staff'],
    sensitive: true,
    agree: ['yes'],
    element: radio(
      'staff_trained',
      words(['Have you had training on sexual harassment between pupils in the last two years?', 'Ydych chi wedi cael hyfforddiant ar aflonyddu rhywiol rhwng disgyblion yn ystod y ddwy flynedd ddiwethaf?']),
      [choice('yes', ['Yes', 'Ydw']), choice('no', ['No', 'Nac ydw']), notSure(), preferNotToSay()],
    ),
  },
];

const parentItems: BankItem[] = [
  {
    for: ['parent'],
    sensitive: true,
    agree: ['yes'],
    element: radio(
      'parent_know_how_to_raise',
      words(['Do you know how to tell the school if you are worried about your child’s safety?', 'Ydych chi’n gwybod sut i ddweud wrth yr ysgol os ydych chi’n poeni am ddiogelwch eich plentyn?']),
      [choice('yes', ['Yes', 'Ydw']), notSure(), choice('no', ['No', 'Nac ydw']), preferNotToSay()],
    ),
  },
  {
    for: ['parent'],
    sensitive: true,
    agree: ['yes'],
    element: radio(
      'parent_talked_online',
      words(['Have you talked with your child about staying safe online in the last year?', 'Ydych chi wedi siarad â’ch plentyn am gadw’n ddiogel ar-lein yn ystod y flwyddyn ddiwethaf?']),
      [choice('yes', ['Yes', 'Ydw']), choice('no', ['No', 'Nac ydw']), dontKnow(), preferNotToSay()],
    ),
  },
];

const TOOK_PART = "{take_part} != 'no'";

export const feelingSafe: BankSurvey = {
  id: 'feeling-safe',
  title: words(['Feeling safe and respected', 'Teimlo’n ddiogel a chael parch']),
  audiences: ALL,
  intro,
  completedHtml: completed,
  settings: questionnaireSettings(
    words(['Start the survey', 'Dechrau’r arolwg'], { primary: ['Start', 'Dechrau'] }),
  ),
  pages: [
    { name: 'taking_part', title: words(['Taking part', 'Cymryd rhan']), items: [takePart] },
    { name: 'feeling_safe', title: words(['Feeling safe', 'Teimlo’n ddiogel']), visibleIf: TOOK_PART, items: [safeAtSchool, safePlaces] },
    {
      name: 'kindness',
      title: words(['How people treat each other', 'Sut mae pobl yn trin ei gilydd']),
      visibleIf: TOOK_PART,
      items: [kindToEachOther, unkindTouching, personalSpace, leftOut, unkindOnline],
    },
    {
      name: 'harassment',
      title: words(['Sexual harassment', 'Aflonyddu rhywiol']),
      description: words(
        [
          'Sexual harassment is unwanted sexual behaviour, like comments, jokes, touching or photos. It can happen face to face or online. These questions ask how often things happen between people your age. They do not ask what has happened to you.',
          'Aflonyddu rhywiol yw ymddygiad rhywiol digroeso, fel sylwadau, jôcs, cyffwrdd neu luniau. Gall ddigwydd wyneb yn wyneb neu ar-lein. Mae’r cwestiynau hyn yn gofyn pa mor aml mae pethau’n digwydd rhwng pobl dy oed di. Dydyn nhw ddim yn gofyn beth sydd wedi digwydd i ti.',
        ],
        {
          parent: [
            'Sexual harassment is unwanted sexual behaviour, like comments, jokes, touching or photos, face to face or online. Please tell us how often you think these things happen between pupils at your child’s school.',
            'Aflonyddu rhywiol yw ymddygiad rhywiol digroeso, fel sylwadau, jôcs, cyffwrdd neu luniau, wyneb yn wyneb neu ar-lein. Dywedwch wrthym pa mor aml rydych chi’n meddwl bod y pethau hyn yn digwydd rhwng disgyblion yn ysgol eich plentyn.',
          ],
          staff: [
            'Sexual harassment is unwanted sexual behaviour, like comments, jokes, touching or photos, face to face or online. Please tell us how often you think these things happen between pupils at this school.',
            'Aflonyddu rhywiol yw ymddygiad rhywiol digroeso, fel sylwadau, jôcs, cyffwrdd neu luniau, wyneb yn wyneb neu ar-lein. Dywedwch wrthym pa mor aml rydych chi’n meddwl bod y pethau hyn yn digwydd rhwng disgyblion yr ysgol hon.',
          ],
        },
      ),
      visibleIf: TOOK_PART,
      items: [knowHarassment, ...harassmentItems],
    },
    {
      name: 'telling',
      title: words(['Telling someone', 'Dweud wrth rywun']),
      visibleIf: TOOK_PART,
      items: [wouldTell, tellWho, stopsTelling, knowWhatHappens],
    },
    {
      name: 'you_and_the_school',
      title: words(['You and the school', 'Chi a’r ysgol']),
      visibleIf: TOOK_PART,
      items: [...parentItems, ...staffItems],
    },
  ],
};
