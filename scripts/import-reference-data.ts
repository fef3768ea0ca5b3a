/**
 * Brings the published reference datasets (Cà Mau's units since 2025 and before, the CCCD province
 * codes, the procedure sample; each file names its sources) from DATA_DIR into
 * shared/catalog/data/ as compact JSON that the PWA and the CLI load (docs/DOMAIN.md). Provenance
 * fields (`dataset`, `source`, legal basis) are copied verbatim; the bulk is reduced to what a
 * screen needs. Re-run after the datasets change:
 *
 *   node --import tsx scripts/import-reference-data.ts DATA_DIR
 *
 * It refuses to write anything when a count or a cross-reference is off.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.argv[2] ?? usage();

function usage(): never {
  process.stderr.write('usage: node --import tsx scripts/import-reference-data.ts DATA_DIR\n');
  process.exit(2);
}
const outDir = join(root, 'shared', 'catalog', 'data');

const Text = v.string();
const Unit2025 = v.object({
  code: Text,
  name: Text,
  full_name: Text,
  type: v.picklist(['Phường', 'Xã']),
  former_province: Text,
});
const Units2025File = v.object({
  dataset: Text,
  province: v.object({ code: v.literal('96'), legal_basis: v.array(Text) }),
  source: v.unknown(),
  units: v.array(Unit2025),
});
const Became = v.object({ new_code: Text, new_name: Text, extent: v.picklist(['full', 'partial']) });
const UnitsPre2025File = v.object({
  dataset: Text,
  valid_period: Text,
  legal_basis: Text,
  source: v.unknown(),
  provinces: v.array(
    v.object({
      code: Text,
      full_name: Text,
      districts: v.array(
        v.object({
          full_name: Text,
          communes: v.array(v.object({ code: Text, full_name: Text, became_2025: v.array(Became) })),
        }),
      ),
    }),
  ),
});
const CccdFile = v.object({
  dataset: Text,
  legal_source: Text,
  source: v.unknown(),
  notes: v.array(Text),
  codes: v.array(v.object({ cccd_code: Text, name: Text, full_name: Text })),
});
const DocumentItem = v.object({ text: Text, quantity: Text, note_only: v.boolean() });
const ProceduresFile = v.object({
  dataset: Text,
  source: v.unknown(),
  field_notes: v.unknown(),
  procedures: v.array(
    v.object({
      code: Text,
      short_name: Text,
      official_name: Text,
      field_linh_vuc: Text,
      implementation_level_cap_thuc_hien: Text,
      online_submission_listed: v.boolean(),
      channels: v.array(v.object({ channel: Text, time_fee_description_verbatim: Text })),
      documents: v.array(v.object({ group: v.nullable(Text), items: v.array(DocumentItem) })),
      result_raw_verbatim: Text,
      portal_detail_url: Text,
    }),
  ),
});

function readJson<S extends v.GenericSchema>(schema: S, file: string): v.InferOutput<S> {
  const parsed = v.safeParse(schema, JSON.parse(readFileSync(join(dataDir, file), 'utf8')));
  if (!parsed.success) {
    const first = parsed.issues[0];
    throw new Error(`${file}: ${v.getDotPath(first) ?? '(root)'}: ${first.message}`);
  }
  return parsed.output;
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`reference data check failed: ${what}`);
}

/** Metadata pretty-printed, each list item on one line: small files that still diff well. */
function writeCompact(file: string, meta: Record<string, unknown>, listKey: string, list: readonly unknown[]): void {
  const head = JSON.stringify(meta, null, 2).replace(/\n\}$/, '');
  const items = list.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
  writeFileSync(join(outDir, file), `${head},\n  "${listKey}": [\n${items}\n  ]\n}\n`);
  console.log(`wrote shared/catalog/data/${file} (${list.length} ${listKey})`);
}

const units = readJson(Units2025File, 'camau-units-2025.json');
check(units.units.length === 64, '64 communes in camau-units-2025.json');
const newCodes = new Set(units.units.map((u) => u.code));
check(newCodes.size === 64, 'commune codes are unique');
writeCompact(
  'communes.json',
  { dataset: units.dataset, legal_basis: units.province.legal_basis, source: units.source },
  'communes',
  units.units.map((u) => ({
    code: u.code,
    name: u.name,
    fullName: u.full_name,
    type: u.type,
    formerProvince: u.former_province,
  })),
);

const pre = readJson(UnitsPre2025File, 'camau-units-pre2025.json');
const formerCommunes = pre.provinces.flatMap((p) =>
  p.districts.flatMap((d) =>
    d.communes.map((c) => ({
      code: c.code,
      fullName: c.full_name,
      district: d.full_name,
      province: p.full_name,
      became: c.became_2025.map((b) => ({ code: b.new_code, extent: b.extent })),
    })),
  ),
);
check(formerCommunes.length === 164, '164 pre-2025 communes (100 Cà Mau + 64 Bạc Liêu)');
for (const c of formerCommunes) {
  check(c.became.length > 0, `${c.code} became at least one 2025 commune`);
  for (const b of c.became) check(newCodes.has(b.code), `${c.code} became ${b.code}, a 2025 commune`);
}
writeCompact(
  'former-communes.json',
  { dataset: pre.dataset, valid_period: pre.valid_period, legal_basis: pre.legal_basis, source: pre.source },
  'communes',
  formerCommunes,
);

const cccd = readJson(CccdFile, 'cccd-province-codes.json');
check(cccd.codes.length === 63, '63 CCCD province codes');
check(cccd.codes.every((c) => /^0\d\d$/.test(c.cccd_code)), 'CCCD province codes are 0 + two digits');
writeCompact(
  'cccd-provinces.json',
  { dataset: cccd.dataset, legal_source: cccd.legal_source, source: cccd.source, notes: cccd.notes },
  'codes',
  cccd.codes.map((c) => ({ code: c.cccd_code, name: c.name, fullName: c.full_name })),
);

const procs = readJson(ProceduresFile, 'procedures-sample.json');
check(procs.procedures.length === 21, '21 procedures in procedures-sample.json');
writeCompact(
  'procedures.json',
  { dataset: procs.dataset, source: procs.source, field_notes: procs.field_notes },
  'procedures',
  procs.procedures.map((p) => ({
    code: p.code,
    shortName: p.short_name,
    officialName: p.official_name,
    field: p.field_linh_vuc,
    level: p.implementation_level_cap_thuc_hien,
    online: p.online_submission_listed,
    documents: p.documents.flatMap((g) =>
      g.items.filter((i) => !i.note_only).map((i) => ({ group: g.group, text: i.text, quantity: i.quantity })),
    ),
    channels: p.channels.map((c) => ({ channel: c.channel, timeAndFee: c.time_fee_description_verbatim })),
    result: p.result_raw_verbatim,
    portalUrl: p.portal_detail_url,
  })),
);
