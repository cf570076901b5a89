// The terminal's size, following resizes. Falls back to 80x24 when the
// stream does not know (piped output, some test streams).
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface Size { columns: number; rows: number }

const read = (out: NodeJS.WriteStream): Size => ({
  columns: out.columns > 0 ? out.columns : 80,
  rows: out.rows > 0 ? out.rows : 24,
});

export function useTerminalSize(): Size {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    const onResize = (): void => setSize((prev) => {
      const next = read(stdout);
      return next.columns === prev.columns && next.rows === prev.rows ? prev : next;
    });
    stdout.on('resize', onResize);
    onResize();
    return () => void stdout.off('resize', onResize);
  }, [stdout]);
  return size;
}
