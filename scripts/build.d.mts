// Types of scripts/build.mjs, for the TypeScript that imports it (bench, tests).
export const ROOT: string;
export const DIST: string;
export function isStale(): boolean;
export function build(options?: { quiet?: boolean }): Promise<void>;
