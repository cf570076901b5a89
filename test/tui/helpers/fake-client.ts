// A stand-in for EngineClient in pure view tests: holds an AgentView the test
// sets, records every command, and answers ok unless told otherwise.
import type { AgentView, CommandResult } from '../../../src/client/index.js';
import type { ConsoleClient } from '../../../src/tui/context.js';

type CommandName = Exclude<keyof ConsoleClient, 'getView' | 'subscribe'>;

export class FakeClient implements ConsoleClient {
  calls: [CommandName, unknown[]][] = [];
  private listeners = new Set<(v: AgentView) => void>();
  private answers = new Map<CommandName, CommandResult>();

  constructor(private view: AgentView) {}

  getView = (): AgentView => this.view;
  subscribe = (l: (v: AgentView) => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  /** Replace the view (as a server event would) and notify. */
  setView(next: AgentView | ((v: AgentView) => AgentView)): void {
    this.view = typeof next === 'function' ? next(this.view) : next;
    for (const l of this.listeners) l(this.view);
  }

  /** Make a command fail from now on. */
  refuse(name: CommandName, message: string, code = 'NOT_PERMITTED'): void {
    this.answers.set(name, { ok: false, error: { code: code as never, message } });
  }

  private fallback: CommandResult | null = null;

  /** Answer every command with this refusal from now on, as the real client does once it has stopped (logged out). */
  refuseAll(message: string): void {
    this.fallback = { ok: false, error: { code: 'SERVER_ERROR', message } };
  }

  callsOf(name: CommandName): unknown[][] {
    return this.calls.filter(([n]) => n === name).map(([, a]) => a);
  }

  private once = new Map<CommandName, CommandResult[]>();

  /** Answer every call of `name` with `result` from now on (queries: a record, search results). */
  answer(name: CommandName, result: CommandResult): void {
    this.answers.set(name, result);
  }

  /** Answer the next call of `name` with `result` (queued; before any refusal set by refuse()). */
  answerOnce(name: CommandName, result: CommandResult): void {
    this.once.set(name, [...(this.once.get(name) ?? []), result]);
  }

  private cmd = (name: CommandName) => (...args: unknown[]): Promise<CommandResult> => {
    this.calls.push([name, args]);
    const queued = this.once.get(name)?.shift();
    return Promise.resolve(queued ?? this.answers.get(name) ?? this.fallback ?? { ok: true });
  };

  setStatus = this.cmd('setStatus');
  setAfterWork = this.cmd('setAfterWork');
  toggleQueue = this.cmd('toggleQueue');
  accept = this.cmd('accept');
  reject = this.cmd('reject');
  stopNew = this.cmd('stopNew');
  resumeOffers = this.cmd('resumeOffers');
  endInteraction = this.cmd('endInteraction');
  setCodes = this.cmd('setCodes');
  setNotes = this.cmd('setNotes');
  wrapUp = this.cmd('wrapUp');
  logout = this.cmd('logout');
  // phone (src/tui/call/)
  mute = this.cmd('mute');
  hold = this.cmd('hold');
  dtmf = this.cmd('dtmf');
  record = this.cmd('record');
  playRecording = this.cmd('playRecording');
  dial = this.cmd('dial');
  transferCall = this.cmd('transferCall');
  conferenceAdd = this.cmd('conferenceAdd');
  completeConsult = this.cmd('completeConsult');
  cancelConsult = this.cmd('cancelConsult');
  removeParticipant = this.cmd('removeParticipant');
  leaveCall = this.cmd('leaveCall');
  endCallForAll = this.cmd('endCallForAll');
  emailVoicemail = this.cmd('emailVoicemail');
  listQueues = this.cmd('listQueues');
  callHistory = this.cmd('callHistory');
  history = this.cmd('history');
  broadcastNotice = this.cmd('broadcastNotice');
  readNotices = this.cmd('readNotices');
  setConnectionMode = this.cmd('setConnectionMode');
  connectVoice = this.cmd('connectVoice');
  voicePin = this.cmd('voicePin');
  changeWorkplace = this.cmd('changeWorkplace');
  validateWorkplace = this.cmd('validateWorkplace');
  // chat (src/tui/chat/); listQueues is shared with the phone controls above
  sendChat = this.cmd('sendChat');
  transferChat = this.cmd('transferChat');
  sendAgentChat = this.cmd('sendAgentChat');
  saveFaq = this.cmd('saveFaq');
  deleteFaq = this.cmd('deleteFaq');
  setTyping = (...args: unknown[]): void => { this.calls.push(['setTyping', args]); };
  // CRM and directory (src/tui/crm/)
  crmSearch = this.cmd('crmSearch');
  crmCustomer = this.cmd('crmCustomer');
  crmCase = this.cmd('crmCase');
  crmTasks = this.cmd('crmTasks');
  directory = this.cmd('directory');
  createCustomer = this.cmd('createCustomer');
  updateCustomer = this.cmd('updateCustomer');
  mergeCustomers = this.cmd('mergeCustomers');
  openCase = this.cmd('openCase');
  updateCase = this.cmd('updateCase');
  addFollowUp = this.cmd('addFollowUp');
  createTask = this.cmd('createTask');
  updateTask = this.cmd('updateTask');
  linkInteraction = this.cmd('linkInteraction');
}
