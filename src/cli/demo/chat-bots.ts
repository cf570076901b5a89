/**
 * The demo's chat customers: bots that use the real customer interface
 * (CustomerChatClient over `/customer`, like the web page), so the demo
 * agent sees real chats — a greeting, a question from a small script, an
 * answer to the agent's reply, a goodbye, then they leave. Simulated
 * colleagues answer the bots they pick up (ColleagueReplies), so chats move
 * on every screen. Timers are real time, scaled by `pace` (tests use ~0.01).
 */
import { CustomerChatClient, type CustomerChatEvent } from '../../client/customer-chat.js';
import { StoreUnavailableError, type Engine, type EngineEvent } from '../../engine/index.js';
import { customerFor } from './people.js';
import { prng } from './prng.js';

interface Script {
  greet: string;
  question: string;
  followUp: string;
  bye: string;
}

const SCRIPTS: Script[] = [
  { greet: 'Hi!', question: 'What are your opening hours on Saturday?', followUp: 'Great, thanks. And you are closed on Sunday, right?', bye: 'Perfect, thank you. Bye!' },
  { greet: 'Hello', question: 'I forgot my password. How do I reset it?', followUp: 'Found the email, it worked. Thanks!', bye: 'Have a nice day.' },
  { greet: 'Good morning', question: 'I think I was charged twice this month.', followUp: 'OK, thanks for checking. When will I see the refund?', bye: 'Thank you, bye.' },
  { greet: 'Hi there', question: 'What is the difference between the Basic and Pro plans?', followUp: 'Makes sense. I will think about it.', bye: 'Thanks for your help!' },
  { greet: 'Hey', question: 'Can I get a refund for my annual plan?', followUp: 'Alright, pro rata is fair.', bye: 'Thanks, goodbye.' },
];

export interface ChatBotsOptions {
  /** The server URL (ws:// or http://): bots connect to its `/customer` endpoint. */
  url: string;
  seed?: number;
  /** Multiplies every pause (1 = human-like seconds). */
  pace?: number;
  /** Seconds (before `pace`) after which a customer nobody finished with gives up; default 4 to 7 minutes. */
  patienceS?: number;
  /** Most bots at once (extra arrivals are skipped): the demo stays lively, never swamped. */
  max?: number;
  onError?: (e: Error) => void;
}

export class ChatBots {
  private readonly rnd: () => number;
  private readonly bots = new Set<CustomerChatClient>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly options: ChatBotsOptions) {
    this.rnd = prng(options.seed ?? 11);
  }

  get active(): number {
    return this.bots.size;
  }

  /** A customer starts a chat in this queue (the Simulator calls this for chat arrivals). */
  arrive(queueId: string): void {
    if (this.stopped || this.bots.size >= (this.options.max ?? 20)) return;
    const script = SCRIPTS[Math.floor(this.rnd() * SCRIPTS.length)]!;
    const who = customerFor('chat', this.rnd);
    const bot = new CustomerChatClient({ url: this.options.url, name: who.name, email: who.email, account: who.account, queue: queueId });
    this.bots.add(bot);
    // Steps advance when our line is delivered, so an agent line sent before the question is not taken as the answer.
    let step: 'waiting' | 'asking' | 'asked' | 'following' | 'followed' | 'done' = 'waiting';
    const say = (text: string, then?: () => void) =>
      this.after(1 + this.rnd() * 3, () => {
        bot.typing(true);
        this.after(1 + this.rnd() * 2, () => {
          bot.send(text).then(then, () => undefined);
        });
      });
    bot.subscribe((e: CustomerChatEvent) => {
      if (e.type === 'joined') say(script.greet);
      else if (e.type === 'agent_joined' && step === 'waiting') {
        step = 'asking';
        say(script.question, () => (step = 'asked'));
      } else if (e.type === 'message' && e.message.from === 'agent') {
        if (step === 'asked') {
          step = 'following';
          say(script.followUp, () => (step = 'followed'));
        } else if (step === 'followed') {
          step = 'done';
          say(script.bye, () => this.after(2 + this.rnd() * 3, () => void bot.leave()));
        }
      } else if (e.type === 'ended' || (e.type === 'connection' && e.state === 'closed')) {
        this.bots.delete(bot);
      }
    });
    // Nobody answers for a long while: the customer gives up.
    const patience = 240 + this.rnd() * 180;
    this.after(this.options.patienceS ?? patience, () => step !== 'done' && void bot.leave());
    bot.start().catch((e: Error) => {
      this.bots.delete(bot);
      this.options.onError?.(e);
    });
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const bot of this.bots) bot.close('demo stopped');
    this.bots.clear();
  }

  private after(seconds: number, fn: () => void): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.stopped) fn();
    }, seconds * 1000 * (this.options.pace ?? 1));
    t.unref?.();
    this.timers.add(t);
  }
}

/** What simulated colleagues answer, by what the customer asked. */
const REPLIES: [RegExp, string][] = [
  [/^(hi|hello|hey|good morning)\b/i, 'Hello! How can I help you today?'],
  [/hours|open|sunday|saturday/i, 'We are open 8am to 7pm EST Monday to Friday, Saturday 8am to 12pm, Sunday closed.'],
  [/password/i, 'Go to the login page and click **Forgot password**: we email you a link, valid for __24 hours__.'],
  [/charged|refund/i, 'I can see that. Refunds go back to the original payment method within *5 business days*.'],
  [/plan|basic|pro/i, 'Pro adds team features and priority support. The full comparison is on our [plans page](https://example.com/plans).'],
];

/**
 * Simulated colleagues answer customer lines in the chats they hold, after a
 * short "typing" pause. The human's chats are never touched.
 */
export function startColleagueReplies(engine: Engine, options: { humans: string[]; pace?: number }): { stop(): void } {
  const timers = new Set<NodeJS.Timeout>();
  const pace = options.pace ?? 1;
  const off = engine.subscribe((batch: readonly EngineEvent[]) => {
    for (const e of batch) {
      if (e.type !== 'chat.message' || e.message.from !== 'customer') continue;
      const agentId = engine.queries.unsafeState().interactions.get(e.interactionId)?.agentId;
      if (!agentId || options.humans.includes(agentId)) continue;
      const reply = REPLIES.find(([re]) => re.test(e.message.text))?.[1] ?? (/thank|bye|great|ok/i.test(e.message.text) ? 'You are welcome! Anything else?' : 'Let me check that for you.');
      const t = setTimeout(() => {
        timers.delete(t);
        const i = engine.queries.interaction(e.interactionId);
        if (i?.phase !== 'active' || !i.chat || i.chat.customerLeft) return;
        try {
          engine.execute({ type: 'send_chat', agentId, interactionId: e.interactionId, text: reply });
        } catch (err) {
          if (!(err instanceof StoreUnavailableError)) throw err; // a colleague's reply lost to a storage outage
        }
      }, (3000 + Math.random() * 4000) * pace);
      t.unref?.();
      timers.add(t);
    }
  });
  return {
    stop() {
      off();
      for (const t of timers) clearTimeout(t);
    },
  };
}
