// Preloaded by the benchmark (node -r): the process's peak memory, on stderr when it exits.
process.on('exit', () => process.stderr.write(`\nmaxrss ${process.resourceUsage().maxRSS}\n`));
