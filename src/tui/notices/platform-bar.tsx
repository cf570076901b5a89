// The red alert bar of a platform change (DOMAIN.md): one line atop the
// console until the agent has read the notice in the Notices pane.
import { memo } from 'react';
import { Line } from '../components/line.js';
import { useServices, useView } from '../context.js';
import { keysLabel } from '../keymap.js';
import { platformAlert } from './items.js';

export const usePlatformAlert = (): boolean => useView((v) => platformAlert(v.notices) !== undefined);

export const PlatformBar = memo(function PlatformBar({ width }: { width: number }) {
  const { keymap } = useServices();
  const text = useView((v) => platformAlert(v.notices)?.text.replace(/\s+/g, ' '));
  if (!text) return null;
  return <Line text={`⚠ Platform change: ${text} (${keysLabel(keymap, 'global.pane5')}: Notices)`} width={width} role="danger" />;
});
