import { readFileSync } from 'node:fs';
import { parseResidentsCsv } from './cli/input/parse-residents-csv.ts';
import { validateResidentList } from './shared/validate/resident-list.ts';
const text = readFileSync('/tmp/bench.csv', 'utf8');
for (let k = 0; k < 3; k++) {
  let t = performance.now();
  const rows = parseResidentsCsv(text, 'x');
  const tp = performance.now() - t;
  t = performance.now();
  validateResidentList(rows.map((r) => r.input), { today: '2026-01-01' });
  console.log('parse', tp.toFixed(0), 'validate', (performance.now() - t).toFixed(0), 'heap', (process.memoryUsage().heapUsed / 1e6).toFixed(0));
}
