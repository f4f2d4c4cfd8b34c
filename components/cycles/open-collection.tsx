"use client";

import { useState } from "react";
import { ui } from "@/components/ui/styles";
import { CycleActionForm, type CycleAction } from "./action-form";

type Props = { action: CycleAction; cycleId: string; version: number; units: number; sources: number; deadline: string };

/** 开始数据归集, after a confirmation that says what will happen. */
export function OpenCollection({ action, cycleId, version, units, sources, deadline }: Props) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return <button type="button" className={ui.btnPrimary} onClick={() => setConfirming(true)}>开始数据归集</button>;
  }
  return (
    <div role="dialog" aria-label="确认开始数据归集" className={`${ui.card} max-w-2xl space-y-3 text-sm`}>
      <p className="font-semibold">确认开始数据归集？</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>为{sources}个信源单位建立报送，并通知其填报人员按分配的指标为{units}个受评单位报送数据，截止{deadline}；</li>
        <li>通知受评单位上传自查自评报告和年度政务承诺；</li>
        <li>受评单位、指标体系和数据来源从此锁定，不能再修改（截止日期仍可延期）。</li>
      </ul>
      <CycleActionForm action={action} hidden={{ cycleId, expectedVersion: version }} label="确认开始" pendingLabel="正在开始…" tone="primary" className="flex flex-wrap items-start gap-2">
        <button type="button" className={ui.btnSecondary} onClick={() => setConfirming(false)}>取消</button>
      </CycleActionForm>
    </div>
  );
}
