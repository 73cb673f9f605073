// @pupil-voice/survey/poll.js: the live-poll voting element and what it shares with the
// results view. None of it imports survey-core.
export { PvPoll } from './poll.js';
export { readPollQuestion, pollIdFromUrl, pollText, PollDefinitionError, type PollQuestion, type PollChoice } from './poll-question.js';
export { pollChannelName, isChannelMessage, type ChannelMessage, type ChannelVote, type ChannelAck } from './poll-channel.js';
export { PvVoteQueuedEvent, PvVoteCountedEvent, PvVoteRefusedEvent } from './poll-events.js';
export { sendVote, VoteDeliveryController, type VotePhase, type DeliveryOutcome } from './vote-delivery.js';
export { deviceKey, readDeviceVote, type DeviceVote, type DeviceVoteState } from './poll-device.js';
export { POLL_EN, POLL_CY, pollStringsFor, langOf, type PollStrings } from './poll-strings.js';
