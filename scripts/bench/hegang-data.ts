import type { UnitFacts } from "../../lib/scoring";
import { prng } from "./types";

/** Random valid facts for hegang-2022; rates are whole basis points (k / 10000). */
export function hegangUnits(count: number, seed = 2022): UnitFacts[] {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const chance = (p: number) => random() < p;
  const tiers = ["优秀", "良好", "一般", "未达标"];
  const levels = ["national", "provincial", "municipal"];
  const units: UnitFacts[] = [];
  for (let u = 0; u < count; u++) {
    const awards: string[] = [];
    for (let a = int(4) - 1; a > 0; a--) awards.push(levels[int(3)] ?? "municipal");
    units.push({
      code: `UNIT${String(u).padStart(6, "0")}`,
      facts: {
        "LAW.EXAM": { counts: { items: int(5) } },
        "LAW.DISHONEST": { count: chance(0.05) ? 1 + int(2) : 0 },
        "OPEN.EXAM": { counts: { findings: int(13) } },
        "OPEN.DOUBLE": { counts: chance(0.3) ? {} : { findings: int(4) } },
        "OPEN.PLEDGE": chance(0.05) ? "N/A" : { met: chance(0.8) },
        "DILIGENT.TARGET": { tier: tiers[int(4)] },
        "DILIGENT.PETITION": chance(0.05) ? "N/A" : { value: int(10_001) / 10_000 },
        "KEEP.DEBT": { met: chance(0.9) },
        "KEEP.ARREARS": { counts: { verified: int(7) } },
        "PERFORM.COMPLAINT": { counts: { verified: int(7) } },
        "PERFORM.AWARD": { awards },
        "CLEAN.DISCIPLINE": { counts: { leadership: chance(0.1) ? 1 : 0, staff: int(3) } },
      },
    });
  }
  return units;
}
