/**
 * Dates as the plans write them (`24/11/2020`, `2020-11-24`) and the years of a period
 * (`periodo 2019-2021`): read exactly, with the calendar's own rules (30 days in November,
 * 29 February only in leap years).
 */

/** A day of the calendar. */
export interface CalendarDate {
    readonly year: number;
    readonly month: number;
    readonly day: number;
}

const ITALIAN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days of a month (1–12) in a year. */
export function daysInMonth(year: number, month: number): number {
    return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Reads a DATE token; undefined when the day does not exist (`31/02/2020`, `32/13/2020`, `2020-02-30`). */
export function readDate(text: string): CalendarDate | undefined {
    const italian = ITALIAN.exec(text);
    const iso = italian ? undefined : ISO.exec(text);
    const [day, month, year] = italian
        ? [italian[1], italian[2], italian[3]]
        : iso ? [iso[3], iso[2], iso[1]] : [];
    if (day === undefined || month === undefined || year === undefined) {
        return undefined;
    }
    const date = { year: Number(year), month: Number(month), day: Number(day) };
    return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(date.year, date.month) && date.year > 0
        ? date
        : undefined;
}

/** Compares two days: negative when `a` comes first. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
    return (a.year - b.year) || (a.month - b.month) || (a.day - b.day);
}

/** Reads the year of a period (`2019`); undefined unless it is four digits. */
export function readYear(text: string): number | undefined {
    return /^\d{4}$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}
