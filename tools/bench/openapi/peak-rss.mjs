// Preloaded with `node --import` into each measured process: on exit, append the process's peak
// resident set size (getrusage ru_maxrss, in kB) to the file named by $PEAK_RSS_FILE. Works the
// same for docgen and widdershins, and needs nothing installed (no /usr/bin/time).
import { appendFileSync } from 'node:fs';

const file = process.env.PEAK_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
