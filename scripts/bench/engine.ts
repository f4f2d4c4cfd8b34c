import { hegang2022 } from "../../lib/scoring/templates/hegang-2022";
import { scoreUnits, type UnitResult } from "../../lib/scoring";
import { hegangUnits } from "./hegang-data";
import { scoreByHand, type HandResult } from "./hegang-hand";
import { timeMedian, type BenchSection } from "./types";

const UNITS = 50_000;
const BAR = 5;
const RUNS = 7;

function engineResults(units: ReturnType<typeof hegangUnits>): UnitResult[] {
  const outcome = scoreUnits(hegang2022, units);
  if (!outcome.ok) throw new Error(`bench data invalid: ${outcome.problems[0]?.message ?? ""}`);
  return outcome.results;
}

function assertSame(engine: readonly UnitResult[], hand: readonly HandResult[]): void {
  engine.forEach((result, i) => {
    const byHand = hand[i];
    const total = byHand === undefined ? "?" : (byHand.totalCents / 100).toFixed(2);
    if (result.total !== total || result.rank !== byHand?.rank || result.grade !== byHand.grade) {
      throw new Error(
        `unit ${result.code}: engine ${result.total}/${result.rank}/${result.grade}, by hand ${total}/${byHand?.rank}/${byHand?.grade}`,
      );
    }
  });
}

export const engineBench: BenchSection = {
  name: "engine",
  run(log) {
    const units = hegangUnits(UNITS);
    assertSame(engineResults(units), scoreByHand(units));
    log(`hegang-2022，${UNITS}个单位，两种算法的总分、等级、名次全部一致`);
    const engineMs = timeMedian(RUNS, () => engineResults(units));
    const handMs = timeMedian(RUNS, () => scoreByHand(units));
    const ratio = engineMs / handMs;
    log(`scoreUnits：${engineMs.toFixed(1)} ms（中位数，${RUNS}次）`);
    log(`手写循环：  ${handMs.toFixed(1)} ms（按分计算12个公式，求总分、等级、名次；不校验、不出说明）`);
    log(`倍数：${ratio.toFixed(2)}×（要求 ≤ ${BAR}×）`);
    return {
      passed: ratio <= BAR, summary: `${ratio.toFixed(2)}× ≤ ${BAR}×`,
      figures: [{ what: `评分引擎 ${UNITS}个单位 / 手写循环`, value: ratio, bar: BAR, unit: "×", inclusive: true }],
    };
  },
};
