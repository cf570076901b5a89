// The console's root: builds the services once, then lays out the status
// bar, the panes (or the open dialog), the message line and the key hints.
// All keys go through one handler (use-console-input.ts); each pane selects
// its own data, so this component re-renders only on focus, dialog, offer
// presence or terminal size changes.
import type { DateFormat } from '../protocol/index.js';
import { Box } from 'ink';
import { useEffect, useState, type ComponentType } from 'react';
import { CALL_DIALOGS } from './call/dialogs.js';
import { CHAT_DIALOGS } from './chat/dialog-views.js';
import { CRM_DIALOGS } from './crm/dialogs.js';
import { CrmPane } from './crm/pane.js';
import { useCrmEffects } from './crm/use-crm-effects.js';
import { useChatEffects } from './chat/typing.js';
import { HISTORY_DIALOGS } from './history/dialogs.js';
import { NOTICE_DIALOGS } from './notices/dialogs.js';
import { PlatformBar, usePlatformAlert } from './notices/platform-bar.js';
import { useNoticeEffects } from './notices/use-notice-effects.js';
import { createSystemClock, type Clock } from './clock.js';
import { ConsoleContext, useServices, useUi, useView, type ConsoleClient, type ConsoleServices } from './context.js';
import { HelpDialog } from './dialogs/help.js';
import { PaletteDialog, QuitDialog, RejectOfferDialog, StatusDialog } from './dialogs/dialogs.js';
import { buildKeymap, type Keymap } from './keymap.js';
import { computeLayout } from './layout.js';
import type { PaneId } from './pane-ids.js';
import { HintBar, MessageLine, TabBar, useMessageRows } from './panes/chrome.js';
import { ContactsPane } from './panes/contacts.js';
import { DispositionPane } from './panes/disposition.js';
import { InteractionPane } from './panes/interaction.js';
import { NoticesPane } from './panes/notices.js';
import { OfferStrip, useOfferStripRows } from './panes/offer.js';
import { QueuesPane } from './panes/queues.js';
import { StatusBar } from './panes/status-bar.js';
import { sanitizeLine } from './sanitize.js';
import { MAX_LINE, safeClient, safeView } from './safe-view.js';
import { createStore } from './store.js';
import { NO_TERMINAL, type TerminalControl } from './terminal.js';
import type { Theme } from './theme.js';
import { initialUi, showMessage, type Overlay } from './ui-state.js';
import { useConsoleInput } from './use-console-input.js';
import { useOfferArrival } from './use-offer-arrival.js';
import { useWhy } from './use-why.js';
import { useNotesKeeper } from './notes-keeper.js';
import { useTerminalSize } from './use-terminal-size.js';
import { followClient } from './view-store.js';
import type { LinearSink } from './linear/sink.js';
import { useLinear } from './linear/use-linear.js';

type PaneProps = { width: number; height: number; focused: boolean };
const PANE_VIEWS: Record<PaneId, ComponentType<PaneProps>> = {
  interaction: InteractionPane,
  disposition: DispositionPane,
  queues: QueuesPane,
  contacts: ContactsPane,
  notices: NoticesPane,
  crm: CrmPane,
};

export interface ConsoleProps {
  client: ConsoleClient;
  theme: Theme;
  keymap?: Keymap;
  clock?: Clock;
  terminal?: TerminalControl;
  favourites?: readonly string[];
  onFavouritesChange?: (ids: readonly string[]) => void;
  /** Shown as an error line once the console is up (the theme, the settings). */
  startupProblems?: readonly string[];
  /** The agent's own date format setting (absent: the server's, from their profile or the tenant). */
  dateFormat?: DateFormat;
  onExit: (code: number) => void;
  /** Linear mode: what changes is said as lines on this output (the screen is laid out, never drawn). */
  linear?: LinearSink;
}

export function Console(props: ConsoleProps) {
  const [services] = useState<ConsoleServices>(() => ({
    // Command results are the other ingress besides the view: sanitized here, once, for every caller.
    client: safeClient(props.client),
    view: createStore(safeView(props.client.getView())),
    ui: createStore(initialUi(props.favourites)),
    clock: props.clock ?? createSystemClock(),
    theme: props.theme,
    keymap: props.keymap ?? buildKeymap(),
    exit: props.onExit,
    terminal: props.terminal ?? NO_TERMINAL,
    onFavouritesChange: props.onFavouritesChange,
    linear: props.linear,
    dateFormat: props.dateFormat,
  }));
  useEffect(() => {
    const keys = services.keymap.problems;
    const problems = [...(props.startupProblems ?? []), ...(keys.length ? [`Key bindings: ${keys.join('; ')}`] : [])];
    // Problems quote the user's config file: sanitized like anything from outside.
    if (problems.length) showMessage(services.ui, 'error', sanitizeLine(problems.join(' · '), MAX_LINE), services.clock.now(), 15_000);
    return followClient(services.client, services.view, services.clock);
  }, [services]);
  return (
    <ConsoleContext.Provider value={services}>
      <Screen />
    </ConsoleContext.Provider>
  );
}

const DIALOGS: { [K in Overlay['kind']]: ComponentType<{ overlay: Extract<Overlay, { kind: K }>; width: number; height: number }> } = {
  help: HelpDialog,
  palette: PaletteDialog,
  status: StatusDialog,
  quit: QuitDialog,
  rejectOffer: RejectOfferDialog,
  ...CALL_DIALOGS,
  ...CHAT_DIALOGS,
  ...NOTICE_DIALOGS,
  ...CRM_DIALOGS,
  ...HISTORY_DIALOGS,
};

function Screen() {
  const s = useServices();
  useConsoleInput(s);
  useOfferArrival(s);
  useWhy(s);
  useChatEffects(s);
  useNotesKeeper(s);
  useNoticeEffects(s);
  useLinear(s);
  useCrmEffects(s);
  const { columns, rows } = useTerminalSize();
  const focus = useUi((u) => u.focus);
  const overlay = useUi((u) => u.overlay);
  const hasOffer = useView((v) => v.offer !== null);
  // The offer banner shows whenever the interaction pane is not on screen.
  const strip = hasOffer && (overlay !== null || (columns < 120 && focus !== 'interaction'));
  const platform = usePlatformAlert();
  // A long message wraps onto more rows: the panes give them up while it shows.
  const messageRows = useMessageRows(columns);
  const crmShown = useUi((u) => u.crm.shown);
  const stripRows = useOfferStripRows(columns);
  const layout = computeLayout({ columns, rows, focus, extraRows: (strip ? stripRows : 0) + (platform ? 1 : 0) + messageRows - 1, crm: crmShown });
  const tabs = layout.mode === 'tabs';
  const Dialog = overlay ? (DIALOGS[overlay.kind] as ComponentType<{ overlay: Overlay; width: number; height: number }>) : null;
  return (
    // Rows are clipped; columns need not be (every line is cut to its width), and horizontal clipping is Ink's costliest step.
    <Box flexDirection="column" width={columns} height={layout.height} overflowY="hidden">
      <StatusBar width={columns} />
      {platform ? <PlatformBar width={columns} /> : null}
      {strip ? <OfferStrip width={columns} /> : null}
      {tabs && !overlay ? <TabBar width={columns} /> : null}
      {Dialog && overlay ? (
        <Dialog overlay={overlay} width={columns} height={layout.body + (tabs ? 1 : 0)} />
      ) : (
        <Box height={layout.body} flexShrink={0}>
          {layout.columns.map((col, i) => (
            <Box key={i} flexDirection="column" width={col.width} flexShrink={0}>
              {col.panes.map((p) => {
                const Pane = PANE_VIEWS[p.id];
                return <Pane key={p.id} width={p.width} height={p.height} focused={p.id === focus} />;
              })}
            </Box>
          ))}
        </Box>
      )}
      <MessageLine width={columns} />
      <HintBar width={columns} />
    </Box>
  );
}
