type Props = { status: "draft" | "published"; builtIn: boolean };

const badge = "whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1";

/** 草稿 / 已发布, and 内置模板 for the templates shipped with the platform. */
export function VersionBadges({ status, builtIn }: Props) {
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      {status === "published" ? (
        <span data-status="published" className={`${badge} bg-green-50 text-green-800 ring-green-200`}>已发布</span>
      ) : (
        <span data-status="draft" className={`${badge} bg-amber-50 text-amber-900 ring-amber-200`}>草稿</span>
      )}
      {builtIn ? <span data-status="built-in" className={`${badge} bg-brand-50 text-brand-800 ring-brand-100`}>内置模板</span> : null}
    </span>
  );
}
