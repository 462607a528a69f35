/** The health plan's home time zone, used for dates shown to people. */
const TIME_ZONE = "America/Chicago";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });

// dateStyle/timeStyle can't be combined with timeZoneName: the same parts, spelled out.
const dateTimeWithZoneFormat = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: TIME_ZONE,
  timeZoneName: "short",
});

export function formatDate(value: Date): string {
  return dateFormat.format(value);
}

export function formatDateTime(value: Date): string {
  return dateTimeFormat.format(value);
}

/** "Nov 28, 2026, 9:14 AM CST": for screens read by people who may sit in another zone (the dev mailbox). */
export function formatDateTimeWithZone(value: Date): string {
  return dateTimeWithZoneFormat.format(value);
}
