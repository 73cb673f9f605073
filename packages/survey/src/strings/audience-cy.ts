import type { AudienceTranslation, IntroText } from './audience-translation.js';

// Welsh. Pupils are addressed with "ti", adults with "chi", as Welsh-medium schools do. These
// are our own translations: a fluent reviewer should check them before a school relies on them.

const secondaryIntro: IntroText = {
  heading: 'Cyn i ti ddechrau',
  purpose: 'Mae’r arolwg hwn yn gofyn sut beth yw’r ysgol i ti go iawn, er mwyn ei gwneud yn well ac yn fwy diogel.',
  anonymityHeading: 'Fydd neb yn gwybod mai ti oedd e',
  anonymity:
    'Mae’r arolwg yn ddienw. Nid yw’n gofyn dy enw, ac nid oes dim amdanat ti na’r ddyfais hon yn cael ei gadw gyda dy atebion. Dim ond atebion wedi’u hadio at ei gilydd ar gyfer grwpiau o ddisgyblion y mae staff yn eu gweld, byth dy atebion di ar eu pen eu hunain.',
  choiceHeading: 'Ti sy’n dewis',
  choice: 'Gelli di hepgor unrhyw gwestiwn. Gelli di stopio unrhyw bryd, a does dim rhaid i ti roi rheswm.',
  tellHeading: 'Beth sy’n digwydd os ydw i’n dweud?',
  tell:
    'Gan nad oes neb yn gwybod pwy atebodd, fydd neb yn cysylltu â ti am dy atebion ac nid oes dim yn cael ei drosglwyddo amdanat ti. Os oes rhywbeth yn dy boeni, neu os wyt ti eisiau rhoi gwybod am rywbeth, siarada ag oedolyn rwyt ti’n ymddiried ynddo neu defnyddia Cael help: mae’r gwasanaethau hynny am ddim.',
};

export const audienceCy: AudienceTranslation = {
  lang: 'cy',
  intro: {
    primary: {
      heading: 'Cyn i ti ddechrau',
      purpose: 'Arolwg am sut rwyt ti’n teimlo yn yr ysgol yw hwn. Mae dy atebion yn helpu i wneud yr ysgol yn well ac yn fwy diogel.',
      anonymityHeading: 'Fydd neb yn gwybod mai ti oedd e',
      anonymity:
        'Dydyn ni ddim yn gofyn dy enw, felly paid â’i ysgrifennu. Dydyn ni ddim yn cadw dim amdanat ti na’r cyfrifiadur hwn. Dim ond llawer o atebion wedi’u hadio at ei gilydd mae oedolion yn eu gweld, nid dy rai di.',
      choiceHeading: 'Ti sy’n dewis',
      choice: 'Gelli di hepgor unrhyw gwestiwn. Gelli di stopio pan wyt ti eisiau.',
      tellHeading: 'Beth sy’n digwydd os ydw i’n dweud?',
      tell:
        'Does neb yn gallu gweld pa atebion yw dy rai di. Felly fydd neb yn dod i siarad â ti amdanyn nhw. Os oes rhywbeth o’i le, dyweda wrth oedolyn rwyt ti’n ymddiried ynddo. Gelli di hefyd bwyso Cael help i weld pwy fydd yn gwrando.',
    },
    secondary: secondaryIntro,
    post16: {
      ...secondaryIntro,
      purpose: 'Mae’r arolwg hwn yn gofyn sut beth yw dy ysgol neu dy goleg i ti go iawn, er mwyn eu gwneud yn well ac yn fwy diogel.',
      anonymity:
        'Mae’r arolwg yn ddienw. Nid yw’n gofyn dy enw, ac nid oes dim amdanat ti na’r ddyfais hon yn cael ei gadw gyda dy atebion. Dim ond atebion wedi’u hadio at ei gilydd ar gyfer grwpiau o fyfyrwyr y mae staff yn eu gweld, byth dy atebion di ar eu pen eu hunain.',
    },
    parent: {
      heading: 'Cyn i chi ddechrau',
      purpose:
        'Mae’r arolwg hwn yn gofyn i rieni a gofalwyr beth maen nhw’n ei feddwl am ysgol eu plentyn a’i ddiogelwch, er mwyn cymharu’r hyn y mae oedolion yn ei gredu â’r hyn y mae disgyblion yn ei ddweud.',
      anonymityHeading: 'Mae eich atebion yn ddienw',
      anonymity:
        'Ni ofynnir am eich enw nac enw eich plentyn, ac nid oes dim amdanoch chi na’r ddyfais hon yn cael ei storio gyda’ch atebion. Dim ond ar gyfer grwpiau sy’n ddigon mawr fel na ellir adnabod neb y cyhoeddir canlyniadau.',
      choiceHeading: 'Chi sy’n dewis',
      choice: 'Gallwch hepgor unrhyw gwestiwn a stopio unrhyw bryd.',
      tellHeading: 'Beth sy’n digwydd os ydw i’n dweud?',
      tell:
        'Nid oes neb yn darllen atebion unigol i’w dilyn, felly ni ellir defnyddio’r arolwg hwn i roi gwybod am bryder. Os ydych chi’n poeni am blentyn, cysylltwch ag arweinydd diogelu dynodedig yr ysgol, neu linell gymorth yr NSPCC (gweler Cael help). Mewn argyfwng, ffoniwch 999.',
    },
    staff: {
      heading: 'Cyn i chi ddechrau',
      purpose:
        'Mae’r arolwg hwn yn gofyn i staff beth maen nhw’n ei weld a’i gredu am ddiogelwch disgyblion, er mwyn ei gymharu â’r hyn y mae disgyblion a rhieni yn ei ddweud.',
      anonymityHeading: 'Mae eich atebion yn ddienw',
      anonymity:
        'Ni ofynnir am eich enw na’ch rôl mewn ffordd a allai eich adnabod, ac nid oes dim amdanoch chi na’r ddyfais hon yn cael ei storio gyda’ch atebion. Dim ond ar gyfer grwpiau sy’n ddigon mawr fel na ellir adnabod neb y cyhoeddir canlyniadau.',
      choiceHeading: 'Chi sy’n dewis',
      choice: 'Gallwch hepgor unrhyw gwestiwn a stopio unrhyw bryd.',
      tellHeading: 'Beth sy’n digwydd os ydw i’n dweud?',
      tell:
        'Nid oes neb yn darllen atebion unigol i’w dilyn: nid yw’r arolwg hwn yn ffordd o roi gwybod am bryder diogelu. Dilynwch weithdrefn ddiogelu eich ysgol a siaradwch â’r arweinydd diogelu dynodedig. Mae llinellau cymorth yr NSPCC o dan Cael help.',
    },
  },
  navigation: {
    primary: { start: 'Dechrau', next: 'Nesaf', back: 'Yn ôl', finish: 'Gorffen' },
    secondary: { start: 'Dechrau', next: 'Parhau', back: 'Yn ôl', finish: 'Anfon fy atebion' },
    post16: { start: 'Dechrau', next: 'Parhau', back: 'Yn ôl', finish: 'Anfon fy atebion' },
    parent: { start: 'Dechrau', next: 'Parhau', back: 'Yn ôl', finish: 'Cyflwyno' },
    staff: { start: 'Dechrau', next: 'Parhau', back: 'Yn ôl', finish: 'Cyflwyno' },
  },
  getHelp: 'Cael help',
  closeHelp: 'Cau help',
  helpIntro: {
    primary: 'Gelli di siarad â rhywun unrhyw bryd. Mae am ddim.',
    secondary: 'Siarada â rhywun rwyt ti’n ymddiried ynddo, neu ag un o’r gwasanaethau hyn sydd am ddim. Does dim rhaid i ti roi dy enw.',
    post16: 'Siarada â rhywun rwyt ti’n ymddiried ynddo, neu ag un o’r gwasanaethau hyn sydd am ddim. Does dim rhaid i ti roi dy enw.',
    parent: 'Os ydych chi’n poeni am blentyn, gall y gwasanaethau hyn helpu.',
    staff: 'Ar gyfer pryder diogelu, dilynwch weithdrefn eich ysgol. Gall y gwasanaethau hyn gynghori hefyd.',
  },
  schoolContacts: 'Pobl yn yr ysgol',
  helplines: 'Llinellau cymorth',
  callNumber: (number) => `Ffonio ${number}`,
  textNumber: (number, keyword) => (keyword ? `Tecstio ${keyword} i ${number}` : `Tecstio ${number}`),
  helplinesUnavailable: 'Nid oedd modd llwytho’r rhestr o linellau cymorth.',
  emergency: 'Mewn argyfwng, ffoniwch 999.',
  historyNote: {
    primary:
      'Mae Gadael y dudalen hon yn mynd â ti i ffwrdd yn gyflym. Nid yw’n dileu’r rhestr o dudalennau rwyt ti wedi bod arnyn nhw. I’w dileu, pwysa Ctrl, Shift a Delete ar yr un pryd, neu gofyn i oedolyn rwyt ti’n ymddiried ynddo.',
    secondary:
      'Nid yw Gadael y dudalen hon yn clirio hanes dy borwr. I’w glirio, pwysa Ctrl+Shift+Delete (Cmd+Shift+Delete ar Mac) neu agor hanes dy borwr a’i ddileu. Nid yw ffenestr breifat yn cadw hanes.',
    post16:
      'Nid yw Gadael y dudalen hon yn clirio hanes dy borwr. I’w glirio, pwysa Ctrl+Shift+Delete (Cmd+Shift+Delete ar Mac) neu agor hanes dy borwr a’i ddileu. Nid yw ffenestr breifat yn cadw hanes.',
    parent:
      'Nid yw Gadael y dudalen hon yn clirio hanes eich porwr. I’w glirio, pwyswch Ctrl+Shift+Delete (Cmd+Shift+Delete ar Mac) neu agorwch hanes eich porwr a’i ddileu. Nid yw ffenestr breifat yn cadw hanes.',
    staff:
      'Nid yw Gadael y dudalen hon yn clirio hanes eich porwr. I’w glirio, pwyswch Ctrl+Shift+Delete (Cmd+Shift+Delete ar Mac) neu agorwch hanes eich porwr a’i ddileu. Nid yw ffenestr breifat yn cadw hanes.',
  },
  readAloud: 'Darllen yn uchel',
  readAloudAnswers: 'Yr atebion yw:',
  questionOf: (position, total) => `Cwestiwn ${position} o ${total}`,
  termExplain: (term) => `Beth yw ystyr “${term}”?`,
  afterSurvey: {
    primary: 'Os wyt ti eisiau siarad â rhywun, gelli di. Pwysa Cael help i weld pwy.',
    secondary: 'Os oes unrhyw beth yn yr arolwg hwn wedi dy boeni, gelli di siarad â rhywun. Mae Cael help yn rhestru gwasanaethau am ddim.',
    post16: 'Os oes unrhyw beth yn yr arolwg hwn wedi dy boeni, gelli di siarad â rhywun. Mae Cael help yn rhestru gwasanaethau am ddim.',
    parent: 'Os ydych chi’n poeni am blentyn, mae Cael help yn rhestru gwasanaethau a all eich cynghori.',
    staff: 'Os oes gennych bryder diogelu, dilynwch weithdrefn eich ysgol. Mae Cael help yn rhestru gwasanaethau a all gynghori.',
  },
};
