// A dialog says itself in linear mode: its title and intro when it opens,
// then the item under the cursor whenever that changes (with why it cannot
// be chosen now). An intro line with the text cursor (▌) is the dialog's
// input: it is echoed as typed, like the console's text fields.
import { useEffect, useRef } from 'react';
import { useServices } from '../context.js';

export interface DialogWords {
  title: string;
  intro: readonly { text: string }[];
  items: readonly { label: string; right?: string; disabled?: string }[];
  cursor: number;
  empty?: string | undefined;
}

const CURSOR = '▌';

export function useLinearDialog(d: DialogWords): void {
  const { linear } = useServices();
  const said = useRef<{ title: string; intro: string[]; item: string } | null>(null);
  useEffect(() => {
    if (!linear) return;
    const input = d.intro.find((l) => l.text.includes(CURSOR));
    const intro = d.intro.filter((l) => l !== input).map((l) => l.text);
    const n = d.items.length;
    const i = Math.max(0, Math.min(d.cursor, n - 1));
    const it = d.items[i];
    const item = it
      ? `${it.label}${it.right ? `, ${it.right}` : ''}${it.disabled ? `, not now: ${it.disabled}` : ''}, ${i + 1} of ${n}.`
      : (d.empty ?? '');
    const before = said.current;
    const opened = before?.title !== d.title;
    const news = opened ? [`${d.title}.`, ...intro] : intro.filter((l) => !before.intro.includes(l));
    if (item && (opened || item !== before.item)) news.push(item);
    said.current = { title: d.title, intro, item };
    linear.say(news);
    linear.field('dialog', input ? { prompt: '', text: input.text.replace(CURSOR, '') } : null);
  });
  // Closed: its input line is no longer typed in.
  useEffect(() => () => linear?.field('dialog', null), [linear]);
}
