import type { Metadata } from "next";
import { CreateCycleForm } from "@/components/cycles/create-cycle-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { beijingDate } from "@/lib/collection/deadline";
import { createCycleAction } from "../actions";

export const metadata: Metadata = { title: "新建评价周期" };

export default async function NewCyclePage() {
  await requirePermission("manage:cycles:any", "cycles");
  const year = Number(beijingDate(now()).slice(0, 4));
  return (
    <div className="space-y-4">
      <PageHeader title="新建评价周期" description="每年一次的政务诚信评价：先确定年度和截止日期，再选择指标体系、受评单位和数据来源。" />
      <CreateCycleForm action={createCycleAction} year={year} />
    </div>
  );
}
