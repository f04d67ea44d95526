/** Local times for reviewers: Asia/Shanghai unless the configuration or --tz says otherwise. */

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** Whether Intl knows the IANA time zone name. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** "2024-05-01 14:03:22" in the time zone. */
export function localTime(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`;
}

/** The zone's offset at that moment, "UTC+8". */
export function utcOffset(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  return name.replace(/^GMT/, "UTC").replace(/^UTC$/, "UTC+0");
}

/** "2024-05-01 14:03:22（Asia/Shanghai，UTC+8）": what summaries and the workbook print. */
export function localTimeLabel(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return `${localTime(date, timeZone)}（${timeZone}，${utcOffset(date, timeZone)}）`;
}
