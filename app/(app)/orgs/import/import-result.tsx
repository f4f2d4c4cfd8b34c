import Link from "next/link";
import { useState } from "react";
import { ui } from "@/components/ui/styles";
import type { UnitImportOutcome } from "@/lib/orgs/import/types";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function saveBase64(base64: string, fileName: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The import's outcome; the initial passwords can be saved exactly once, then they are dropped. */
export function ImportResult({ result, onRestart }: { result: UnitImportOutcome; onRestart: () => void }) {
  const [credentials, setCredentials] = useState(result.credentialsXlsx);
  const downloaded = result.accounts > 0 && credentials === null;
  return (
    <section aria-labelledby="result-title" className="space-y-4">
      <div role="status" className={ui.alertOk}>
        <h2 id="result-title" className="font-semibold">导入完成</h2>
        <p className="mt-1">
          新建 {result.created} 个单位，更新 {result.updated} 个，{result.unchanged} 个无变化
          {result.accounts > 0 ? `；已为新单位创建 ${result.accounts} 个登录账户` : ""}。
        </p>
      </div>
      {credentials && result.credentialsFileName ? (
        <div className="space-y-2 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p>初始密码只能下载这一次，平台不保存明文密码；离开本页后将无法再次下载（届时只能由管理员逐个重置）。首次登录时须修改密码。</p>
          <button
            type="button"
            className={ui.btnPrimary}
            onClick={() => {
              saveBase64(credentials, result.credentialsFileName!);
              setCredentials(null);
            }}
          >
            下载初始密码（Excel）
          </button>
        </div>
      ) : null}
      {downloaded ? <p className="text-sm text-slate-600">初始密码表已下载，请妥善保管并尽快分发；本页不再保留密码。</p> : null}
      <div className="flex gap-3">
        <Link href="/orgs" className={ui.btnSecondary}>查看单位列表</Link>
        <Link href="/orgs/tree" className={ui.btnSecondary}>查看层级树</Link>
        <button type="button" className={ui.btnSecondary} onClick={onRestart}>继续导入</button>
      </div>
    </section>
  );
}
