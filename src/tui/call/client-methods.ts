// The EngineClient methods the call controls use (docs/telephony.md): added
// to ConsoleClient so a fake client in tests must provide them too.
export type CallClientMethod =
  | 'mute' | 'hold' | 'dtmf' | 'record' | 'playRecording' | 'dial' | 'transferCall' | 'conferenceAdd'
  | 'completeConsult' | 'cancelConsult' | 'removeParticipant' | 'leaveCall' | 'endCallForAll' | 'emailVoicemail'
  | 'broadcastNotice' | 'readNotices'
  | 'listQueues' | 'callHistory' | 'setConnectionMode' | 'connectVoice' | 'voicePin' | 'changeWorkplace' | 'validateWorkplace';
