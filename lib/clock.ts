// The server's clock decides every date (spec/workflow.md "Time"). Tests and demos may pin it with
// INTEGRITY_FAKE_NOW (an ISO instant); a production deployment ignores that variable.

export function now(): Date {
  const fake = process.env.INTEGRITY_FAKE_NOW;
  if (fake && process.env.APP_MODE !== "production") {
    const pinned = new Date(fake);
    if (!Number.isNaN(pinned.getTime())) return pinned;
  }
  return new Date();
}

const shanghaiDate = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "long",
  day: "numeric",
});

const shanghaiDateTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** 2026年11月21日 — in Beijing time whatever the server's zone. */
export function formatDateCn(instant: Date): string {
  return shanghaiDate.format(instant);
}

/** 2026年11月21日 15:04:05 — in Beijing time. */
export function formatDateTimeCn(instant: Date): string {
  return shanghaiDateTime.format(instant);
}
