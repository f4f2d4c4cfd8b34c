// Plausible answers from every assigned source for every enrolled unit of a cycle: the demo's scored
// year, the benchmarks and the scoring tests use it. Deterministic for a seed; every value passes
// the engine's own fact schema, so a generated cycle always scores. Rows go in with bulk INSERTs.
import { answersSlot } from "@/lib/collection/derive";
import { loadCycleSlots, type CycleSlot } from "@/lib/collection/cycle-slots";
import type { PrismaClient } from "@/lib/db/prisma";
import { factSchemaFor, type Rule } from "@/lib/scoring";

/** mulberry32: a small deterministic generator. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** A single value for a value rule, checked against the engine's schema. */
export function generateValue(rule: Rule, max: number, random: Random): unknown {
  const candidate = ((): unknown => {
    switch (rule.kind) {
      case "binary":
        return { met: random() < 0.9 };
      case "tiered":
        return { tier: pick(random, rule.tiers.map((t) => t.label)) };
      case "ratio":
        return { value: Math.round((0.6 + random() * 0.4) * 1000) / 1000 };
      case "step":
        return { value: Math.round(rule.fullAt - rule.step * 3 + random() * rule.step * 4) };
      case "threshold":
        return { value: rule.percent ? Math.round(random() * 1000) / 1000 : Math.round(rule.value * 2 * random()) };
      case "rank":
        return { value: random() < 0.2 ? null : Math.round(random() * 1000) / 1000 };
      case "manual":
        return { score: Math.round(max * (0.6 + random() * 0.4) * 2) / 2, note: "按年度工作评议意见评分" };
      default:
        return null;
    }
  })();
  return factSchemaFor(rule, max).safeParse(candidate).success ? candidate : null;
}

/** Item keys of the records a source reports about a unit (empty = the source answers "none"). */
export function generateRecordItems(rule: Rule, random: Random): string[] {
  switch (rule.kind) {
    case "deduction":
      return random() < 0.3 ? Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(random, rule.items).key) : [];
    case "award":
      return random() < 0.12 ? [pick(random, Object.keys(rule.levels))] : [];
    case "veto":
      return random() < 0.03 ? [""] : [];
    case "count":
      return random() < 0.3 ? Array.from({ length: 1 + Math.floor(random() * 3) }, () => "") : [];
    default:
      return [];
  }
}

type EntryRow = { sourceOrgId: string; unitId: string; indicatorCode: string; subKey: string; answer: "value" | "none" | "records"; value: string | null };
type RecordRow = { sourceOrgId: string; unitId: string; indicatorCode: string; subKey: string; itemKey: string; occurredOn: string; description: string; referenceNo: string };

const BATCH = 5000;

async function insertEntries(prisma: PrismaClient, cycleId: string, rows: EntryRow[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const b = rows.slice(i, i + BATCH);
    await prisma.$executeRaw`
      INSERT INTO fact_entry (id, cycle_id, source_org_id, unit_id, indicator_code, sub_key, answer, value, updated_at)
      SELECT gen_random_uuid()::text, ${cycleId}, s, u, i, k, a::"FactAnswer", v::jsonb, now()
        FROM unnest(${b.map((r) => r.sourceOrgId)}::text[], ${b.map((r) => r.unitId)}::text[], ${b.map((r) => r.indicatorCode)}::text[],
                    ${b.map((r) => r.subKey)}::text[], ${b.map((r) => r.answer)}::text[], ${b.map((r) => r.value)}::text[]) AS t(s, u, i, k, a, v)
      ON CONFLICT DO NOTHING`;
  }
}

async function insertRecords(prisma: PrismaClient, cycleId: string, rows: RecordRow[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const b = rows.slice(i, i + BATCH);
    await prisma.$executeRaw`
      INSERT INTO fact_record (id, cycle_id, source_org_id, unit_id, indicator_code, sub_key, item_key, occurred_on, description, reference_no)
      SELECT gen_random_uuid()::text, ${cycleId}, s, u, i, k, it, d, de, r
        FROM unnest(${b.map((r) => r.sourceOrgId)}::text[], ${b.map((r) => r.unitId)}::text[], ${b.map((r) => r.indicatorCode)}::text[],
                    ${b.map((r) => r.subKey)}::text[], ${b.map((r) => r.itemKey)}::text[], ${b.map((r) => r.occurredOn)}::text[],
                    ${b.map((r) => r.description)}::text[], ${b.map((r) => r.referenceNo)}::text[]) AS t(s, u, i, k, it, d, de, r)`;
  }
}

function recordText(slot: CycleSlot, itemKey: string): string {
  const item = slot.recordItems.find((i) => i.key === itemKey);
  return item ? `${item.label}（${slot.name}）` : slot.name;
}

/**
 * Answers every expected cell of the cycle's enrolled units (value, records or "none") that has no
 * answer yet. Returns how many entries and records were written.
 */
export async function generateCycleFacts(prisma: PrismaClient, cycleId: string, options: { seed?: number; year?: number; recordScale?: number } = {}): Promise<{ entries: number; records: number }> {
  const random = seededRandom(options.seed ?? 2026);
  const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { year: true } });
  const year = options.year ?? cycle.year;
  const slots = await loadCycleSlots(prisma, cycleId);
  const units = await prisma.cycleUnit.findMany({ where: { cycleId }, select: { organisationId: true, unitKind: true }, orderBy: { organisationId: "asc" } });
  // A cell a source already answered (by hand) is left as it is, records and all.
  const answered = new Set((await prisma.factEntry.findMany({ where: { cycleId }, select: { sourceOrgId: true, unitId: true, indicatorCode: true, subKey: true } }))
    .map((e) => `${e.sourceOrgId}|${e.unitId}|${e.indicatorCode}|${e.subKey}`));
  const entries: EntryRow[] = [];
  const records: RecordRow[] = [];
  let serial = 0;
  for (const unit of units) {
    for (const slot of slots.slots) {
      if (slot.unitKind !== unit.unitKind) continue;
      for (const source of slot.bound.sources) {
        if (!answersSlot(slot, slot.bound.sources, source.sourceOrgId)) continue;
        const cell = { sourceOrgId: source.sourceOrgId, unitId: unit.organisationId, indicatorCode: slot.indicatorCode, subKey: slot.subKey };
        if (answered.has(`${cell.sourceOrgId}|${cell.unitId}|${cell.indicatorCode}|${cell.subKey}`)) continue;
        if (slot.mode === "value") {
          const value = generateValue(slot.rule, slot.max, random);
          entries.push({ ...cell, answer: "value", value: JSON.stringify(value) });
          continue;
        }
        // recordScale > 1 draws a cell's records that many times (a busier year); a veto stays one draw.
        const draws = slot.rule.kind === "veto" ? 1 : Math.max(1, Math.round(options.recordScale ?? 1));
        const items = Array.from({ length: draws }, () => generateRecordItems(slot.rule, random)).flat();
        // A source with records also has an entry saying so, as the source's own path writes it.
        entries.push({ ...cell, answer: items.length === 0 ? "none" : "records", value: null });
        for (const itemKey of items) {
          const month = 1 + Math.floor(random() * 11);
          const day = 1 + Math.floor(random() * 28);
          records.push({
            ...cell, itemKey, occurredOn: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
            description: recordText(slot, itemKey), referenceNo: `示例〔${year}〕${++serial}号`,
          });
        }
      }
    }
  }
  await insertEntries(prisma, cycleId, entries);
  await insertRecords(prisma, cycleId, records);
  return { entries: entries.length, records: records.length };
}
