// Notices pane: broadcast notices will be listed here once the engine sends
// them; the status bar's unread count is 0 until then.
import { memo } from 'react';
import { PaneFrame } from '../components/frame.js';
import { Line } from '../components/line.js';

export const NoticesPane = memo(function NoticesPane({ width, height, focused }: { width: number; height: number; focused: boolean }) {
  return (
    <PaneFrame pane="notices" focused={focused} width={width} height={height}>
      <Line text="No notices." width={width - 2} role="muted" />
    </PaneFrame>
  );
});
