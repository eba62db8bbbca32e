// Preloaded with `node --import` into each measured process: on exit, write the process's peak
// resident set size (kB) and CPU time (user + system, µs) to $ROUTES_USAGE_FILE. CPU time says more
// than wall time on a machine other jobs share.
import { writeFileSync } from 'node:fs';

const file = process.env.ROUTES_USAGE_FILE;
if (file)
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS, cpu: userCPUTime + systemCPUTime }));
  });
