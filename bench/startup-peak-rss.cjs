// Preloaded into a measured process by bench/startup.bench.ts (NODE_OPTIONS=--require):
// writes the process's peak resident set (KiB) to BENCH_PEAK_RSS_FILE when it exits.
const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.BENCH_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)));
