// Binding scenarios of the call commands (spread into bindings.test.tsx):
// each key on a phone interaction calls the client method it names.
import { expect } from 'vitest';
import { KEY } from '../helpers/render.js';
import { colleagueView, phoneView } from './fixtures.js';
import { calls, type Scenario } from '../helpers/scenario.js';

const consulting = phoneView({ call: { held: true, consult: { purpose: 'transfer', blind: false, target: { agentId: 'dev', displayName: 'Devansh R.' }, state: 'connected' } } });

export const CALL_SCENARIOS = {
  'contacts.call': { view: colleagueView(), before: ['4'], check: (h) => expect(h.frame()).toMatch(/Dial[\s\S]*Number: \+1 510 555 0111▌/) },
  'chat.callColleague': { view: colleagueView(), before: ['\x1b1'], check: (h) => expect(h.frame()).toMatch(/Dial[\s\S]*Number: \+1 510 555 0111▌/) },
  'global.dial': { view: phoneView(), check: (h) => expect(h.frame()).toMatch(/Dial[\s\S]*› Spring campaign/) },
  'global.phone': { view: phoneView({ status: 'working_offline' }), check: (h) => expect(h.frame()).toMatch(/Phone settings[\s\S]*Switch to persistent connection/) },
  'call.mute': { view: phoneView(), check: (h) => expect(calls(h, 'mute')).toEqual([['p1', true]]) },
  'call.hold': { view: phoneView(), check: (h) => expect(calls(h, 'hold')).toEqual([['p1', true]]) },
  'call.keypad': {
    view: phoneView(),
    check: async (h) => {
      expect(h.frame()).toContain('Keypad');
      await h.type('12#');
      await h.press(KEY.enter);
      expect(calls(h, 'dtmf')).toEqual([['p1', '12#']]);
    },
  },
  'call.record': { view: phoneView(), check: (h) => expect(calls(h, 'record')).toEqual([['p1', 'start']]) },
  'call.play': {
    view: phoneView(),
    check: async (h) => {
      await h.press('j', KEY.enter);
      expect(calls(h, 'playRecording')).toEqual([['p1', 'hold']]);
    },
  },
  'call.transfer': { view: phoneView(), check: (h) => expect(h.frame()).toMatch(/Transfer call[\s\S]*\[Agents\]/) },
  'call.conference': { view: phoneView(), check: (h) => expect(h.frame()).toMatch(/Add to conference[\s\S]*\[Agents\]/) },
  'call.complete': { view: consulting, check: (h) => expect(calls(h, 'completeConsult')).toEqual([['p1']]) },
  'call.cancel': { view: consulting, check: (h) => expect(calls(h, 'cancelConsult')).toEqual([['p1']]) },
  'call.participants': { view: phoneView(), check: (h) => expect(h.frame()).toMatch(/Participants \(2\)[\s\S]*Customer Lee/) },
  'call.leave': { view: phoneView(), check: (h) => expect(calls(h, 'leaveCall')).toEqual([['p1']]) },
  'call.endAll': { view: phoneView(), check: (h) => expect(calls(h, 'endCallForAll')).toEqual([['p1']]) },
  'call.email': { view: phoneView({ call: { kind: 'voicemail', whisper: undefined } }), check: (h) => expect(calls(h, 'emailVoicemail')).toEqual([['p1']]) },
  'callTransfer.nextTab': { view: phoneView(), before: ['t', 'b', 'e', 'n'], check: (h) => expect(h.frame()).toMatch(/\[Queues\][\s\S]*Filter: ▌/) }, // each tab starts with an empty filter
  'callTransfer.prevTab': { view: phoneView(), before: ['t'], check: (h) => expect(h.frame()).toContain('[External number]') },
  'callTransfer.cold': { view: phoneView(), before: ['t', ...'kate'], check: (h) => expect(calls(h, 'transferCall')).toEqual([['p1', { agentId: 'kate' }, 'cold']]) },
  'callTransfer.recall': {
    // Adding an external party to a conference: "récupérer un numéro récemment composé dans l'historique".
    view: phoneView(),
    setup: (fake) => fake.answerOnce('callHistory', {
      ok: true,
      calls: [
        { interactionId: 'IX-9', direction: 'outbound', kind: 'call', number: '+15105550199', at: 0 },
        { interactionId: 'IX-8', direction: 'inbound', kind: 'call', number: '+15102592675', name: 'Lee', at: 0 },
      ],
    }),
    before: ['c'],
    check: async (h) => {
      expect(h.frame()).toMatch(/\[External number\][\s\S]*Number: \+15105550199▌[\s\S]*› → \+15105550199/);
      await h.press(KEY.ctrl('r'));
      expect(h.frame()).toMatch(/Number: \+15102592675▌[\s\S]*› ← \+15102592675 Lee/);
      await h.press(KEY.enter);
      expect(calls(h, 'conferenceAdd')).toEqual([['p1', { number: '+15102592675' }]]);
    },
  },
  'dial.recall': {
    view: phoneView(),
    setup: (fake) => fake.answerOnce('callHistory', { ok: true, calls: [{ interactionId: 'IX-9', direction: 'inbound', kind: 'call', number: '+15102592675', name: 'Lee', at: 0 }] }),
    before: ['D'],
    check: (h) => expect(h.frame()).toMatch(/Number: \+15102592675▌[\s\S]*› ← \+15102592675 Lee/),
  },
  'participants.mute': { view: phoneView(), before: ['u'], check: (h) => expect(calls(h, 'mute')).toEqual([['p1', true, 'L-1']]) },
  'participants.hold': { view: phoneView(), before: ['u'], check: (h) => expect(calls(h, 'hold')).toEqual([['p1', true, 'L-1']]) },
  'participants.remove': { view: phoneView(), before: ['u', 'j'], check: (h) => expect(calls(h, 'removeParticipant')).toEqual([['p1', 'L-2']]) },
} satisfies Record<string, Scenario>;
