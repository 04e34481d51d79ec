/**
 * Whether go-yaml v2 reads a plain scalar as a timestamp: Go's time.Parse accepts it with one of the layouts
 * `2006-1-2T15:4:5.999999999Z07:00` (also with a lower-case `t`), `2006-1-2 15:4:5.999999999` or `2006-1-2`.
 * time.Parse takes one or two digits for month, day, hour, minute and second, checks their ranges (and the day
 * against the month), reads any number of fraction digits after `.` or `,`, and lets one layout space match a run
 * of spaces.
 */
export function isGoYamlTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  return (['T', 't', ' '] as const).some((sep) => parsesDateTime(s, sep)) || parsesDateTime(s, undefined);
}

class Cursor {
  constructor(public rest: string) {}

  literal(text: string): boolean {
    if (!this.rest.startsWith(text)) return false;
    this.rest = this.rest.slice(text.length);
    return true;
  }

  /** Go's getnum: one or two digits (exactly two when `fixed`). */
  number(fixed = false): number | undefined {
    const m = (fixed ? /^[0-9]{2}/ : /^[0-9]{1,2}/).exec(this.rest);
    if (!m) return undefined;
    this.rest = this.rest.slice(m[0].length);
    return Number(m[0]);
  }

  numberIn(min: number, max: number): boolean {
    const n = this.number();
    return n !== undefined && n >= min && n <= max;
  }
}

/** `separator` undefined: the date-only layout. */
function parsesDateTime(s: string, separator: 'T' | 't' | ' ' | undefined): boolean {
  const at = new Cursor(s.slice(4));
  const year = Number(s.slice(0, 4));
  if (!at.literal('-')) return false;
  const month = at.number();
  if (month === undefined || month < 1 || month > 12 || !at.literal('-')) return false;
  const day = at.number();
  if (day === undefined) return false;
  if (separator !== undefined && !parsesTime(at, separator)) return false;
  return at.rest === '' && day >= 1 && day <= daysIn(month, year);
}

function parsesTime(at: Cursor, separator: 'T' | 't' | ' '): boolean {
  if (separator === ' ') {
    if (!at.rest.startsWith(' ')) return false;
    at.rest = at.rest.replace(/^ +/, '');
  } else if (!at.literal(separator)) return false;
  if (!at.numberIn(0, 23) || !at.literal(':') || !at.numberIn(0, 59) || !at.literal(':') || !at.numberIn(0, 59)) return false;
  const fraction = /^[.,][0-9]+/.exec(at.rest);
  if (fraction) at.rest = at.rest.slice(fraction[0].length);
  return separator === ' ' || parsesZone(at);
}

/** `Z`, or `+hh:mm` / `-hh:mm` with an hour up to 24 and a minute up to 60 (Go's bounds for an offset). */
function parsesZone(at: Cursor): boolean {
  if (at.literal('Z')) return true;
  const m = /^([+-])([0-9]{2}):([0-9]{2})/.exec(at.rest);
  if (!m || Number(m[2]) > 24 || Number(m[3]) > 60) return false;
  at.rest = at.rest.slice(m[0].length);
  return true;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
