// The message line and the why (issue 23, always say why): a confirmation that
// arrives with the status change it caused goes before the why, not over it;
// an error still takes the line; once the agent changes the status again, the
// why is dropped and what was said before it stays.
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/tui/store.js';
import { forgetWhy, initialUi, showMessage, showWhy } from '../../src/tui/ui-state.js';

const WHY = 'Your work ended: Working Offline, because you chose it.';

describe('the why on the message line', () => {
  it('a confirmation goes before it; an error replaces it; after it ends, a confirmation stands alone', () => {
    const ui = createStore(initialUi());
    showWhy(ui, WHY, 0, 15_000);
    showMessage(ui, 'info', 'Wrapped up.', 10);
    expect(ui.get().message).toMatchObject({ text: `Wrapped up. ${WHY}`, until: 15_000 });
    showMessage(ui, 'error', 'Not sent.', 20);
    expect(ui.get().message?.text).toBe('Not sent.');
    showWhy(ui, WHY, 0, 15_000);
    showMessage(ui, 'info', 'Saved.', 16_000);
    expect(ui.get().message?.text).toBe('Saved.');
  });

  it('forgetting it keeps what was said before it, or clears the line', () => {
    const ui = createStore(initialUi());
    showWhy(ui, WHY, 0, 15_000);
    showMessage(ui, 'info', 'Logged out. Press q to quit.', 10);
    forgetWhy(ui);
    expect(ui.get().message).toMatchObject({ text: 'Logged out. Press q to quit.' });
    expect(ui.get().message?.why).toBeUndefined();
    showWhy(ui, WHY, 0, 15_000);
    forgetWhy(ui);
    expect(ui.get().message).toBeNull();
  });
});
