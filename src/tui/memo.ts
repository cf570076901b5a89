// Memoize a pure function on its last arguments, compared by reference. The
// view and UI state are immutable, so "same inputs" is a cheap identity test;
// a pane and its key actions share one derived list instead of each building it.

export function memoLast<A extends readonly unknown[], R>(f: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | undefined;
  let lastResult: R;
  return (...args: A): R => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((a, i) => Object.is(a, args[i]))) return lastResult;
    lastResult = f(...args);
    lastArgs = args;
    return lastResult;
  };
}
