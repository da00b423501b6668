import { measure } from './measure.js';
for (const f of process.argv.slice(2)) { const r = await measure(f); console.log(f, r.parses, (r.kept * 100).toFixed(1), r.demoted); }
