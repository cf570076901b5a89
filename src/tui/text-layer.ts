// The text-field layer marker, in a file of its own so that the commands-as-data
// files (crm, chat, call, notices) and keymap-commands.ts, which spreads them,
// share one value without importing each other.

/** Marks where a text field takes printable keys: layers below it only see
 *  keys that cannot be typed (Ctrl-chords, Tab, arrows...). */
export const TEXT = '#text' as const;
