// Where the full report is, as the Markdown comment names it: the file written next to the
// comment (--full-report), the address readers open (--full-report-url), and the CI run that
// wrote them, read from the variables GitHub Actions and GitLab CI set.
import { fullReportFormatOf } from "./formats";
import { clip } from "./markdown";

/** The name of the format a --full-report file has, by its extension (formats.ts says which). */
export function fullReportFormat(file: string): string | undefined {
    return fullReportFormatOf(file)?.name;
}

/** The CI run this command runs in, if the environment says so. */
export function ciRunUrl(env: NodeJS.ProcessEnv): { url: string; what: string } | undefined {
    if (env.GITHUB_ACTIONS === "true" && env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
        return { url: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`, what: "workflow run" };
    }
    if (env.GITLAB_CI === "true" && env.CI_JOB_URL) return { url: env.CI_JOB_URL, what: "CI job" };
    return undefined;
}

/** A URL as a Markdown link target: http(s) only, with the characters that would end the link encoded. */
export function linkTarget(url: string): string | undefined {
    let parsed: URL;
    try {
        parsed = new URL(url);
    } catch {
        return undefined;
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
    return parsed.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function codeSpan(text: string): string {
    const t = clip(text.replace(/\r?\n|\r/g, " "), 200);
    const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
    const fence = "`".repeat(longest + 1);
    return `${fence}${t.startsWith("`") || t.endsWith("`") ? ` ${t} ` : t}${fence}`;
}

/**
 * The words for where the full report is, as Markdown, or undefined when nothing says where.
 * `file` is the --full-report file (shown by its name as given), `url` the --full-report-url.
 */
export function fullReportPointer(options: { file?: string; url?: string; env?: NodeJS.ProcessEnv }): string | undefined {
    const target = options.url ? linkTarget(options.url) : undefined;
    const run = ciRunUrl(options.env ?? {});
    const runLink = run ? linkTarget(run.url) : undefined;
    if (options.file && target) return `${codeSpan(options.file)} ([open it](${target}))`;
    if (target) return `[here](${target})`;
    if (options.file && runLink) return `${codeSpan(options.file)}, written by [this ${run!.what}](${runLink})`;
    if (options.file) return codeSpan(options.file);
    return undefined;
}
