import type { Translation } from './translation.js';
import { choiceName } from './choice-name.js';

// Welsh. Reviewed wording is preferable to machine translation for pupils: keep sentences
// short and plain, as in the English.
export const cy: Translation = {
  loading: 'Wrthi’n llwytho’r arolwg…',
  errorSummaryTitle: 'Mae problem wedi codi',
  errorPrefix: 'Gwall:',
  requiredHint: '(gofynnol)',
  pageOf: (page, total) => `Tudalen ${page} o ${total}`,
  progressLabel: 'Cynnydd',
  unknownQuestionTypes: (types) => `Mae gan yr arolwg hwn gwestiynau o fath na ellir ei ddangos yma, felly maen nhw ar goll: ${types}.`,
  unsupportedQuestion: (type) =>
    `Nid yw’r math hwn o gwestiwn (“${type}”) yn cael ei gefnogi eto, felly ni ellir ei ddangos yma.`,
  loadFailedTitle: 'Mae’n ddrwg gennym, ni ellir dangos yr arolwg hwn',
  fetchFailed: 'Nid oedd modd llwytho’r arolwg i lawr. Gwiriwch y cysylltiad a rhowch gynnig arall arni.',
  invalidJson: 'Mae ffeil yr arolwg wedi’i difrodi (nid yw’n JSON dilys).',
  invalidDefinition: (detail) => `Mae problem gyda diffiniad yr arolwg: ${detail}`,
  modelFailed: 'Nid oedd modd dechrau’r arolwg.',
  completedHeading: 'Diolch',
  selectPlaceholder: 'Dewiswch…',
  otherCommentLabel: (choice) => `${choiceName(choice)}: disgrifiwch os gwelwch yn dda`,
  moveUp: (item) => `Symud “${item}” i fyny`,
  moveDown: (item) => `Symud “${item}” i lawr`,
  rankingMoved: (item, position, total) => `Mae “${item}” nawr yn ${position} o ${total}`,
  addPanel: 'Ychwanegu un arall',
  removePanel: (index) => `Dileu cofnod ${index}`,
  panelHeading: (index) => `Cofnod ${index}`,
  filterChoices: 'Teipiwch i hidlo’r dewisiadau',
  noChoicesMatch: 'Does dim dewisiadau’n cyfateb',
  removeChoice: (item) => `Dileu “${item}”`,
  selectedChoices: 'Wedi’u dewis',
  rankingAdd: (item) => `Ychwanegu “${item}” at y drefn`,
  rankingRemove: (item) => `Tynnu “${item}” o’r drefn`,
  rankingRemoved: (item) => `Nid yw “${item}” yn y drefn mwyach`,
  rankedChoices: 'Eich trefn',
  unrankedChoices: 'Heb eu trefnu eto',
  videoNotShown: 'Nid oes modd chwarae’r fideo hwn yn yr arolwg.',
  watchVideo: 'Gwylio’r fideo (yn agor mewn tab newydd)',
  characterLimit: (max) => `Gallwch roi hyd at ${max} nod`,
  charactersRemaining: (remaining) => `Mae gennych ${remaining} nod yn weddill`,
  rangeNotAnswered: 'Heb ei ateb eto',
  personalInformationTitle: 'Cyn i chi anfon',
  personalInformationBody:
    'Efallai bod eich ateb yn cynnwys enw, cyfeiriad e-bost neu rif ffôn. Mae’r arolwg hwn yn ddienw: ni ddylai neb allu dweud pwy a’i hysgrifennodd. Gallwch newid eich ateb, neu ei anfon fel y mae.',
  personalInformationChange: 'Newid fy ateb',
  personalInformationSend: 'Anfon beth bynnag',
  saving: 'Wrthi’n cadw…',
  savedOnDevice: 'Mae eich atebion wedi’u cadw ar y ddyfais hon.',
  saveFailed:
    'Nid oedd modd cadw eich atebion ar y ddyfais hon. Gallwch barhau, ond os byddwch yn cau’r dudalen efallai y byddant yn cael eu colli.',
  storageUnavailable:
    'Ni all y ddyfais hon gadw copi o’ch atebion. Gorffennwch yr arolwg cyn cau’r dudalen hon.',
  completionFailed:
    'Nid oedd modd storio eich atebion ar y ddyfais hon, felly nid ydynt wedi’u hanfon eto. Maen nhw yma o hyd. Dywedwch wrth eich athro, yna pwyswch y botwm eto.',
  completionFailedQuota:
    'Mae’r ddyfais hon yn llawn, felly nid oedd modd storio eich atebion ac nid ydynt wedi’u hanfon eto. Maen nhw yma o hyd. Dywedwch wrth eich athro.',
  kioskNext: 'Bydd yr arolwg yn dechrau eto i’r person nesaf mewn ychydig eiliadau.',
  outboxTitle: 'Ymatebion ar y ddyfais hon',
  outboxWaiting: (count) =>
    count === 1 ? 'Mae 1 ymateb yn aros i gael ei anfon.' : `Mae ${count} ymateb yn aros i gael eu hanfon.`,
  outboxAllSent: 'Mae pob ymateb wedi’i anfon.',
  outboxRefused: (count) =>
    `Gwrthododd y gweinydd ${count} ymateb. Maen nhw’n cael eu cadw yma: lawrlwythwch nhw ar gyfer trefnydd yr arolwg.`,
  outboxSendNow: 'Anfon nawr',
  outboxSending: 'Wrthi’n anfon…',
  outboxSendResult: (sent, waiting) =>
    waiting > 0 ? `Anfonwyd ${sent}. Mae ${waiting} yn dal i aros.` : `Anfonwyd ${sent}.`,
  outboxStillOffline: 'Nid oedd modd cyrraedd y gweinydd. Mae’r ymatebion yn ddiogel yma a byddant yn cael eu hanfon pan ddaw’r cysylltiad yn ôl.',
  outboxExport: 'Lawrlwytho ymatebion a wrthodwyd',
  outboxRetryRefused: 'Rhoi cynnig arall ar ymatebion a wrthodwyd',
  outboxUnavailable: 'Nid yw’r porwr hwn yn cadw ymatebion arolwg (mae storio wedi’i ddiffodd).',
  quickExit: 'Gadael y dudalen hon',
  quickExitHint: 'Neu pwyswch Shift 3 gwaith',
  clearAnswers: 'Clirio fy atebion',
  clearAnswersTitle: 'Clirio eich holl atebion?',
  clearAnswersBody:
    'Bydd eich atebion yn cael eu dileu o’r ddyfais hon a bydd yr arolwg yn dechrau eto. Ni ellir dadwneud hyn.',
  clearAnswersConfirm: 'Ie, clirio fy atebion',
  clearAnswersCancel: 'Na, cadw fy atebion',
  answersCleared: 'Mae eich atebion wedi’u clirio. Mae’r arolwg wedi dechrau eto.',
  sendQueued: 'Wrthi’n anfon eich atebion…',
  sendWaiting:
    'Does dim cysylltiad ar hyn o bryd. Mae eich atebion yn cael eu cadw’n ddiogel ar y ddyfais hon a byddant yn cael eu hanfon yn awtomatig pan ddaw’r cysylltiad yn ôl.',
  sendDone: 'Mae eich atebion wedi’u hanfon.',
  sendRefused:
    'Mae eich atebion yn cael eu cadw ar y ddyfais hon ond nid oedd modd eu hanfon. Dywedwch wrth y person a roddodd yr arolwg hwn i chi.',
  voteSent: 'Mae eich pleidlais wedi’i hanfon.',
  vote: 'Pleidleisio',
  fetchBlocked:
    'Nid yw’r wefan hon yn cael llwytho’r arolwg o’r man lle caiff ei gadw. Dywedwch wrth yr ysgol: rhaid i wasanaeth yr arolwg ganiatáu’r wefan hon.',
  smileyMeanings: ['Anhapus iawn', 'Anhapus', 'Ddim yn hapus nac yn anhapus', 'Hapus', 'Hapus iawn'],
  retry: 'Rhoi cynnig arall arni',
};
