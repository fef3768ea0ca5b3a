// Fails (exit 1) on any import between folders of shared/, cli/, pwa/ and fixtures/ that
// scripts/folder-directions.ts does not allow, and on any cycle between folders.
//   node --import tsx scripts/check-folder-directions.ts [ROOT]   (default: this repository)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOORS, FOLDER_DIRECTIONS } from './folder-directions.ts';

const ROOT = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const PRODUCT = ['shared', 'cli', 'pwa', 'fixtures'];
// Static imports and re-exports (type-only ones too), side-effect imports, dynamic imports.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly target: string;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const folderOf = (file: string): string => dirname(file);
const isProduct = (file: string): boolean => PRODUCT.some((top) => file === top || file.startsWith(`${top}/`));

function edges(): Edge[] {
  const found: Edge[] = [];
  for (const file of PRODUCT.flatMap(sourceFiles)) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? '';
      const target = normalize(join(dirname(file), spec));
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to && isProduct(target)) found.push({ from, to, file, target });
    }
  }
  return found;
}

function allowed(edge: Edge): boolean {
  if (DOORS.some((door) => door.file === edge.file && door.into === edge.to)) return true;
  const rules = FOLDER_DIRECTIONS[edge.from] ?? [];
  return rules.some((rule) => rule === edge.to || (rule === 'shared' && edge.to.startsWith('shared/')));
}

/** Strongly connected components with more than one folder (Tarjan). */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, indices.get(next) ?? 0));
    }
    if (low.get(node) !== indices.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

function graphOf(pairs: Iterable<readonly [string, string]>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [from, to] of pairs) {
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)?.add(to);
  }
  return graph;
}

const problems: string[] = [];
const all = edges();
const undeclared = new Set(all.map((edge) => edge.from).filter((folder) => !(folder in FOLDER_DIRECTIONS)));
for (const folder of undeclared) problems.push(`${folder}/ has no entry in scripts/folder-directions.ts: say which folders it may import.`);
const shown = new Set<string>();
for (const edge of all) {
  if (undeclared.has(edge.from) || allowed(edge)) continue;
  const key = `${edge.from}→${edge.to}`;
  if (shown.has(key)) continue;
  shown.add(key);
  problems.push(`${edge.from}/ may not import ${edge.to}/ (${edge.file} imports ${edge.target}).`);
}
const declared = Object.entries(FOLDER_DIRECTIONS).flatMap(([from, tos]) =>
  tos.filter((to) => to !== 'shared').map((to) => [from, to] as const),
);
for (const cycle of cycles(graphOf(declared))) problems.push(`scripts/folder-directions.ts itself allows a cycle: ${cycle.join(' ↔ ')}.`);
for (const cycle of cycles(graphOf(all.map((edge) => [edge.from, edge.to] as const)))) {
  const inside = all.filter((edge) => cycle.includes(edge.from) && cycle.includes(edge.to));
  const sample = inside.slice(0, 4).map((edge) => `${edge.file} → ${edge.target}`).join('; ');
  problems.push(`import cycle between folders ${cycle.join(' ↔ ')}: ${sample}`);
}

if (problems.length > 0) {
  process.stderr.write(`Folder directions: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`Folder directions: ${all.length} imports across ${new Set(all.map((e) => e.from)).size} folders, all allowed, no cycle.\n`);
}
