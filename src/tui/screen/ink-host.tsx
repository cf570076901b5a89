// Ink as a layout engine only: it gets a stdout that swallows what it would
// write (its frames, its cursor moves), and the screen renderer takes over
// its root node, so each commit asks the renderer for a frame instead.
import { Box, type DOMElement } from 'ink';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import type { InkNode } from './paint.js';
import type { ScreenRenderer } from './renderer.js';

/** The terminal's stream as Ink sees it: sizes and resize events are the real
 *  ones; writes go nowhere (their callbacks still run: Ink waits on them). */
export function inkStdout(out: NodeJS.WriteStream, size?: { columns: number; rows: number }): NodeJS.WriteStream {
  const write = (_chunk: unknown, ...rest: unknown[]): boolean => {
    const cb = rest.find((r): r is () => void => typeof r === 'function');
    if (cb) process.nextTick(cb);
    return true;
  };
  return new Proxy(out, {
    get(target, prop) {
      if (prop === 'write') return write;
      // A fixed size (linear mode lays the console out, never draws it).
      if (size && (prop === 'columns' || prop === 'rows')) return size[prop];
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as NodeJS.WriteStream;
}

/** Takes Ink's root so that its commits draw nothing at all (linear mode: React runs, nothing is laid out or written). */
export const LAYOUT_ONLY: Pick<ScreenRenderer, 'attach'> = {
  attach(root) {
    const { onRender, onImmediateRender } = root as RootHooks;
    Object.assign(root, { onRender: () => {}, onImmediateRender: () => {} });
    return () => Object.assign(root, { onRender, onImmediateRender });
  },
};
type RootHooks = { onRender?: () => void; onImmediateRender?: () => void };

/** Wraps the app; on mount hands Ink's root node to the renderer. */
export function ScreenRoot({ renderer, children }: { renderer: Pick<ScreenRenderer, 'attach'>; children: ReactNode }) {
  const ref = useRef<DOMElement>(null);
  useLayoutEffect(() => {
    let root = ref.current as (DOMElement & InkNode) | null;
    while (root?.parentNode) root = root.parentNode as DOMElement & InkNode;
    return root ? renderer.attach(root) : undefined;
  }, [renderer]);
  return (
    <Box ref={ref} flexDirection="column" flexShrink={0}>
      {children}
    </Box>
  );
}
