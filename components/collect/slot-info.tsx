import { ui } from "@/components/ui/styles";
import type { SourceSlot } from "@/lib/collection/access";
import { ruleToText } from "@/lib/scoring";

/** What the slot asks for: the evaluation content, the rule in words, the evidence expected. */
export function SlotInfo({ slot }: { slot: SourceSlot }) {
  return (
    <section aria-label="指标说明" className={`${ui.card} grid gap-2 text-sm sm:grid-cols-[6rem_1fr]`}>
      <span className="text-slate-500">指标</span>
      <span>{slot.categoryName} · {slot.name}（{slot.indicatorCode}{slot.subKey ? `/${slot.subKey}` : ""}，满分{slot.max}分）</span>
      {slot.content ? (<><span className="text-slate-500">评价内容</span><span>{slot.content}</span></>) : null}
      <span className="text-slate-500">计分规则</span>
      <span>{ruleToText(slot.rule, slot.max)}</span>
      {slot.evidence ? (<><span className="text-slate-500">佐证材料</span><span>{slot.evidence}</span></>) : null}
      {slot.assigned.length > 1 ? (
        <>
          <span className="text-slate-500">多来源</span>
          <span>本指标由{slot.assigned.length}个单位共同报送，{slot.mode === "records" ? "各单位的记录合并计数" : slot.rule.kind === "binary" ? "任一单位填“否”即为否" : "以牵头单位的填报为准"}。</span>
        </>
      ) : null}
    </section>
  );
}
