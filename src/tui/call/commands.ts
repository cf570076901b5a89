// Call commands as data (spread into keymap-commands.ts): call controls on the
// selected phone or voicemail interaction, the dial and phone-settings
// dialogs, and the keys of the call dialogs. Help, the palette and the hints
// pick them up from there like any other command.

import { TEXT } from '../text-layer.js';

export const CALL_CONTEXTS = {
  call: { title: 'Calls', note: 'On the selected phone or voicemail interaction; only what applies to the call now is offered.' },
  callTransfer: { title: 'Call transfer dialog', note: 'Agents, Queues, External number. Type to filter (or the number on the External tab).' },
  dial: { title: 'Dial dialog', note: 'Type the number; ↑↓ pick the outbound code (the last one is preselected).' },
  participants: { title: 'Participants', note: 'Host controls on the participant under the cursor.' },
} as const;

export const CALL_COMMANDS = [
  { id: 'global.dial', context: 'global', title: 'Dial a number', description: 'Outbound call: type a number or recall one, pick an outbound code, Enter dials (from Available or Working Offline, with no other work).', keys: ['shift+d'], hint: 'Dial', when: 'canDial' },
  { id: 'global.phone', context: 'global', title: 'Phone settings', description: 'Connection mode, workplace phone and PINs, retry to connect.', keys: ['shift+p'], when: 'hasPhone' },

  { id: 'call.mute', context: 'call', title: 'Mute / unmute', description: 'Mute or unmute my side of the call.', keys: ['m'], hint: 'Mute', when: 'callLive' },
  { id: 'call.hold', context: 'call', title: 'Hold / resume', description: 'Put the customer on hold, or resume.', keys: ['h'], hint: 'Hold', when: 'callLive' },
  { id: 'call.keypad', context: 'call', title: 'Keypad', description: 'Type digits (DTMF) to send on the call.', keys: ['#'], when: 'callLive' },
  { id: 'call.record', context: 'call', title: 'Record / pause / resume', description: 'Start recording; pause and resume when your permission allows.', keys: ['r'], hint: 'Record', when: 'canRecord' },
  { id: 'call.play', context: 'call', title: 'Play a recording', description: 'Play one of my recordings into the call.', keys: ['l'], when: 'recordings' },
  { id: 'call.transfer', context: 'call', title: 'Transfer', description: 'Transfer to an agent (warm or cold), a queue, or an external number.', keys: ['t'], hint: 'Transfer', when: 'transferable' },
  { id: 'call.conference', context: 'call', title: 'Add to conference', description: 'Invite an agent or an external number; complete merges them in.', keys: ['c'], when: 'transferable' },
  { id: 'call.complete', context: 'call', title: 'Complete transfer / merge', description: 'Complete the warm transfer, or merge the invited party into the conference.', keys: ['f'], hint: 'Complete', when: 'consulting' },
  { id: 'call.cancel', context: 'call', title: 'Back to the customer', description: 'Cancel the consultation; the customer is resumed.', keys: ['b'], hint: 'Back', when: 'consulting' },
  { id: 'call.participants', context: 'call', title: 'Participants', description: 'The people on the call; hosts mute, hold or remove them.', keys: ['u'], when: 'conference' },
  { id: 'call.leave', context: 'call', title: 'Leave conference', description: 'Leave the call; the others talk on.', keys: ['shift+l'], when: 'conference' },
  { id: 'call.endAll', context: 'call', title: 'End for all', description: 'Hang up every party; everyone wraps up.', keys: ['shift+e'], when: 'conferenceHost' },
  { id: 'call.email', context: 'call', title: 'Email voicemail', description: 'Send a copy of the voicemail to my email.', keys: ['v'], hint: 'Email it', when: 'voicemail' },

  { id: 'callTransfer.nextTab', context: 'callTransfer', title: 'Next tab', description: 'Agents, Queues, External number (a conference: Agents, External number).', keys: ['tab', 'right'], hint: true },
  { id: 'callTransfer.prevTab', context: 'callTransfer', title: 'Previous tab', description: 'Agents, Queues, External number (a conference: Agents, External number).', keys: ['shift+tab', 'left'] },
  { id: 'callTransfer.cold', context: 'callTransfer', title: 'Cold (blind) transfer', description: 'Transfer to the agent without consulting (Enter consults first).', keys: ['ctrl+b'], hint: 'Cold', when: 'coldTransfer' },

  { id: 'callTransfer.recall', context: 'callTransfer', title: 'Recall a number', description: 'External number: cycle through the numbers of the calls you took or made (newest first), as the dial box does.', keys: ['ctrl+r'], hint: 'Recall', when: 'transferHistory' },
  { id: 'dial.recall', context: 'dial', title: 'Recall a number', description: 'Cycle through the numbers of the calls you took or made (your call history, newest first).', keys: ['ctrl+r'], hint: 'Recall', when: 'callHistory' },

  { id: 'participants.mute', context: 'participants', title: 'Mute participant', description: 'Mute or unmute the participant (hosts only).', keys: ['m'], hint: 'Mute', when: 'participantsHost' },
  { id: 'participants.hold', context: 'participants', title: 'Hold participant', description: 'Hold or resume the participant (hosts only).', keys: ['h'], hint: 'Hold', when: 'participantsHost' },
  { id: 'participants.remove', context: 'participants', title: 'Remove participant', description: 'Hang up the participant (hosts only; not yourself or the customer).', keys: ['r'], hint: 'Remove', when: 'participantsHost' },
] as const;

/** The call dialogs' screens (an overlay kind each), top layer first. */
export const CALL_SCREENS = {
  callTransfer: ['callTransfer', 'dialog', TEXT, 'list', 'offer'],
  dial: ['dial', 'dialog', TEXT, 'list', 'offer'],
  keypad: ['dialog', TEXT, 'offer'],
  recordings: ['list', 'dialog', 'offer'],
  participants: ['participants', 'list', 'dialog', 'offer'],
  phone: ['list', 'dialog', 'offer'],
  phoneInput: ['dialog', TEXT, 'offer'],
} as const;

/** Dialog-only contexts: not offered in the palette. */
export const CALL_DIALOG_CONTEXTS = ['callTransfer', 'dial', 'participants'] as const;
