// What every pane and action reaches: the client (the only way to the
// engine), the sanitized view, the UI state, the shared clock, the theme and
// the keymap. Created once per console; hooks select small parts of it.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { EngineClient } from '../client/index.js';
import type { CallClientMethod } from './call/client-methods.js';
import type { ChatClientMethod } from './chat/client-methods.js';
import type { CrmClientMethod } from './crm/client-methods.js';
import type { Clock } from './clock.js';
import type { DateFormat } from '../protocol/index.js';
import type { Keymap } from './keymap.js';
import type { LinearSink } from './linear/sink.js';
import type { SafeView } from './safe-view.js';
import { useStore, type Store } from './store.js';
import type { TerminalControl } from './terminal.js';
import type { Theme } from './theme.js';
import type { UiState } from './ui-state.js';

/** The part of EngineClient the console uses (tests may hand in a fake). */
export type ConsoleClient = Pick<
  EngineClient,
  | 'getView' | 'subscribe' | 'setStatus' | 'setAfterWork' | 'toggleQueue' | 'accept' | 'reject'
  | 'stopNew' | 'resumeOffers' | 'endInteraction' | 'setCodes' | 'setNotes' | 'wrapUp' | 'logout'
  | CallClientMethod
  | ChatClientMethod
  | CrmClientMethod
  | 'history'
>;

export interface ConsoleServices {
  client: ConsoleClient;
  view: Store<SafeView>;
  ui: Store<UiState>;
  clock: Clock;
  theme: Theme;
  keymap: Keymap;
  /** Ends the console with an exit code (run.tsx resolves with it). */
  exit(code: number): void;
  /** The terminal beyond frames: title, alerts (bell, desktop notification), repaint, suspend. */
  terminal: TerminalControl;
  /** The date format the agent chose in their own settings (absent: their profile's on the server, else the tenant's). */
  dateFormat?: DateFormat | undefined;
  /** Called when favourites change, so a caller can persist them. */
  onFavouritesChange?: ((ids: readonly string[]) => void) | undefined;
  /** Linear mode (--linear): changes are said as plain lines here; absent on the full screen. */
  linear?: LinearSink | undefined;
}

export const ConsoleContext = createContext<ConsoleServices | null>(null);

export function useServices(): ConsoleServices {
  const s = useContext(ConsoleContext);
  if (!s) throw new Error('console hooks need <ConsoleContext.Provider>');
  return s;
}

export const useView = <S,>(selector: (v: SafeView) => S): S => useStore(useServices().view, selector);
export const useUi = <S,>(selector: (u: UiState) => S): S => useStore(useServices().ui, selector);
export const useTheme = (): Theme => useServices().theme;

/** How this agent's dates are written: their own setting, else their profile's (the tenant's default). */
export const dateFormatOf = (s: Pick<ConsoleServices, 'dateFormat' | 'view'>): DateFormat => s.dateFormat ?? s.view.get().self?.dateFormat ?? 'iso';
export function useDateFormat(): DateFormat {
  const s = useServices();
  const fromProfile = useView((v) => v.self?.dateFormat);
  return s.dateFormat ?? fromProfile ?? 'iso';
}

/** A value derived from the view and the console's state together (what
 *  applies now: hints, predicates). Re-renders only when the value changes:
 *  return a primitive, or something already in the state. */
export function useConsoleValue<T>(compute: (c: { view: SafeView; ui: UiState }) => T): T {
  const { view, ui } = useServices();
  const subscribe = (listener: () => void): (() => void) => {
    const offView = view.subscribe(listener);
    const offUi = ui.subscribe(listener);
    return () => {
      offView();
      offUi();
    };
  };
  const get = (): T => compute({ view: view.get(), ui: ui.get() });
  return useSyncExternalStore(subscribe, get, get);
}

/** A value derived from the shared clock; the component re-renders only when
 *  the value changes (a timer text), not on every tick. Return primitives. */
export function useClockValue<T>(compute: (now: number) => T): T {
  const { clock } = useServices();
  return useSyncExternalStore(clock.subscribe, () => compute(clock.now()), () => compute(clock.now()));
}
