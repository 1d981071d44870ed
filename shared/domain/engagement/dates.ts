/** Date helpers over ISO `YYYY-MM-DD` strings (no time zones: audit periods are calendar dates). */

/** Whole and fractional months covered from `start` to `end` inclusive (Jan 1 – Mar 31 = 3). */
export function monthsBetween(start: string, end: string): number {
  const s = toUtc(start);
  const e = toUtc(end) + 86_400_000; // inclusive end date
  const sd = new Date(s);
  const ed = new Date(e);
  const whole = (ed.getUTCFullYear() - sd.getUTCFullYear()) * 12 + (ed.getUTCMonth() - sd.getUTCMonth());
  const anchor = Date.UTC(sd.getUTCFullYear(), sd.getUTCMonth() + whole, sd.getUTCDate());
  const daysLeft = (e - anchor) / 86_400_000;
  return whole + daysLeft / 30.4375;
}

export function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-03-31` -> `31 Mar 2026`: unambiguous for readers on either side of the Atlantic. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return `${d} ${MONTHS[m - 1] ?? ''} ${y}`;
}

const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-09-30` -> `September 30, 2026`: the date style of US attestation reports and assertions. */
export function formatLongDate(date: string | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  const month = m ? LONG_MONTHS[m - 1] : undefined;
  return y && month && d ? `${month} ${d}, ${y}` : date;
}

/** The engagement's period as one phrase: `1 Jan 2026 – 30 Sep 2026` or `as of 30 Jun 2026`. */
export function formatPeriod(e: {
  kind: string;
  asOfDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
}): string {
  if (e.kind === 'soc2-type2') {
    if (!e.periodStart || !e.periodEnd) return 'period not set';
    return `${formatDate(e.periodStart)} – ${formatDate(e.periodEnd)}`;
  }
  return e.asOfDate ? `as of ${formatDate(e.asOfDate)}` : 'date not set';
}

/** An ISO timestamp in local time as `22 Nov 2026, 18:38`, the same day-month order as `formatDate`. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getDate()} ${MONTHS[d.getMonth()] ?? ''} ${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The local calendar date of `now` as `YYYY-MM-DD` (the auditor's "today", not UTC's). */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `date` plus `days` calendar days, both `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
