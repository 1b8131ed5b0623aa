/** The CLI's exit codes, and the locale of its words when no `--locale` is given: needed before any command is loaded. */

export enum ExitCode {
    Ok = 0,
    ProblemsFound = 1,
    BadInput = 2
}

/** The environment's locale string (`LC_ALL`, `LC_MESSAGES`, `LANG`); English when none is set. */
export function defaultLocale(): string {
    return process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || 'en';
}
