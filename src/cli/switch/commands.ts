/**
 * What a person (or a test) types to `agent-console switch`, one command a
 * line: the customers' side of the simulated switch — a call comes in, the
 * caller presses keys, holds, hangs up — and voicemails and callback
 * requests from its IVR. A table: the help is generated from it.
 */
import type { SimulatedSwitch } from '../../engine/index.js';

interface SwitchCommand {
  args: string;
  help: string;
  /** At least this many words after the command. */
  min: number;
  run(sim: SimulatedSwitch, a: string[]): string | void;
}

export const SWITCH_COMMANDS: Record<string, SwitchCommand> = {
  call: {
    args: 'FROM TO [NAME…]',
    help: 'a customer calls TO (a dialed number or a direct access number) from FROM; prints the leg',
    min: 2,
    run: (sim, [from, to, ...name]) => `leg ${sim.incomingCall({ from: from!, to: to!, ...(name.length ? { name: name.join(' ') } : {}) })}`,
  },
  dar: {
    args: 'FROM AGENT',
    help: 'a customer calls an agent by name (direct agent routing); prints the leg',
    min: 2,
    run: (sim, [from, agentId]) => `leg ${sim.incomingCall({ from: from!, agentId: agentId! })}`,
  },
  hangup: { args: 'LEG', help: 'the party on LEG hangs up', min: 1, run: (sim, [leg]) => sim.hangUp(leg!) },
  dtmf: { args: 'LEG DIGITS', help: 'the party on LEG presses keys (0-9, *, #)', min: 2, run: (sim, [leg, digits]) => sim.pressDigits(leg!, digits!) },
  hold: { args: 'LEG', help: 'the party on LEG puts the call on hold from their side', min: 1, run: (sim, [leg]) => sim.farHold(leg!, true) },
  resume: { args: 'LEG', help: 'the party on LEG takes the call off hold', min: 1, run: (sim, [leg]) => sim.farHold(leg!, false) },
  voicemail: {
    args: 'FROM TO SECONDS RECORDING',
    help: "the IVR's voicemail recorded a message for TO's voicemail queue",
    min: 4,
    run: (sim, [from, to, seconds, recording]) => sim.voicemailLeft({ from: from!, to: to!, durationSec: Number(seconds), recording: recording! }),
  },
  callback: {
    args: 'NUMBER TO [NOTE…]',
    help: "a caller to TO asked the IVR to be called back on NUMBER",
    min: 2,
    run: (sim, [number, to, ...note]) => sim.callbackRequested({ number: number!, to: to!, ...(note.length ? { note: note.join(' ') } : {}) }),
  },
  legs: {
    args: '',
    help: 'the live legs on the switch',
    min: 0,
    run: (sim) => sim.liveLegs().map((l) => `${l.id} ${l.direction} ${l.number ?? ''} ${l.state}${l.held ? ' held' : ''}`).join('\n') || 'no live legs',
  },
};

export function switchHelp(): string {
  return Object.entries(SWITCH_COMMANDS)
    .map(([name, c]) => `  ${`${name} ${c.args}`.padEnd(34)} ${c.help}`)
    .join('\n');
}

/** Runs one typed line; returns what to print. */
export function runSwitchCommand(sim: SimulatedSwitch, line: string): string | undefined {
  const [name, ...args] = line.trim().split(/\s+/);
  if (!name) return undefined;
  if (name === 'help') return switchHelp();
  const c = Object.hasOwn(SWITCH_COMMANDS, name) ? SWITCH_COMMANDS[name]! : undefined;
  if (!c) return `unknown command "${name}": help lists them`;
  if (args.length < c.min) return `usage: ${name} ${c.args}`;
  return c.run(sim, args) ?? undefined;
}
