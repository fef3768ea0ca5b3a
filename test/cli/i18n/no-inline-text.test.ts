import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CLI = join(ROOT, 'cli');

/** Every TypeScript source of the CLI but its catalogs, the one place words may be written. */
function cliSources(): string[] {
  return readdirSync(CLI, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !path.startsWith(`i18n${sep}`))
    .map((path) => join(CLI, path));
}

/** The ways text in two languages has been written inline, rather than through t(). */
const INLINE_BILINGUAL: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: "a choice on the language (=== 'vi' ?)", pattern: /===\s*['"`](vi|en)['"`]\s*\?/ },
  { what: "a test of the language (lang === 'vi')", pattern: /\blang\s*[!=]==?\s*['"`](vi|en)['"`]/ },
  { what: 'a vi(ctx, viText, enText) helper', pattern: /\bvi\s*\(\s*ctx\s*,/ },
  { what: "a language flag (const vi = ctx.lang === 'vi')", pattern: /\b(vi|en)\s*=\s*ctx\.lang\b/ },
  { what: 'a help example written inline', pattern: /['"`]\\n(Ví dụ|Examples?):/ },
];

describe('the CLI says nothing outside its catalogs', () => {
  it('finds the CLI sources it checks', () => {
    const files = cliSources().map((file) => relative(ROOT, file).split(sep).join('/'));
    expect(files).toContain('cli/commands/hub.ts');
    expect(files).toContain('cli/hub/ca-page.ts');
    expect(files.filter((file) => file.startsWith('cli/i18n/'))).toEqual([]);
  });

  it('has no inline bilingual text in any file under cli/ (words go in cli/i18n/vi.ts and en.ts)', () => {
    const found: string[] = [];
    for (const file of cliSources()) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        for (const { what, pattern } of INLINE_BILINGUAL) {
          if (pattern.test(line)) found.push(`${relative(ROOT, file)}:${index + 1}: ${what}: ${line.trim()}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it('would notice each of those ways if it came back', () => {
    const samples = [
      "ctx.lang === 'vi' ? 'Ví dụ' : 'Example'",
      "if (lang === 'en') return 'Example';",
      "vi(ctx, 'tệp cơ sở dữ liệu', 'database file')",
      "const vi = ctx.lang === 'vi';",
      "addHelpText('after', '\\nExample:\\n  langso hub code\\n')",
    ];
    for (const sample of samples) expect(INLINE_BILINGUAL.some(({ pattern }) => pattern.test(sample)), sample).toBe(true);
  });
});
