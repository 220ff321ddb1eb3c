// The report formats, once: `report --format`, --full-report and the organisation report read
// this list. A new format is a file that exports a ReportFormat, and one line here.
import * as path from "node:path";
import { JSON_FORMAT } from "./data-map";
import type { ReportFormat, ReportInput } from "./format";
import { HTML_FORMAT } from "./html";
import { JUNIT_FORMAT } from "./junit";
import { MARKDOWN_FORMAT } from "./markdown";
import { SARIF_FORMAT } from "./sarif";

export type { ReportFormat, ReportInput } from "./format";

export const REPORT_FORMATS: readonly ReportFormat[] = [MARKDOWN_FORMAT, JSON_FORMAT, SARIF_FORMAT, JUNIT_FORMAT, HTML_FORMAT];

export const REPORT_FORMAT_NAMES: readonly string[] = REPORT_FORMATS.map((f) => f.name);

export function reportFormat(name: string): ReportFormat | undefined {
    return REPORT_FORMATS.find((f) => f.name === name);
}

/** The format of a --full-report file, by its extension. */
export function fullReportFormatOf(file: string): ReportFormat | undefined {
    const ext = path.extname(file).toLowerCase();
    return REPORT_FORMATS.find((f) => f.fullReportExtensions.includes(ext));
}

/** Render in the named format; a name not in the list is an error, never a silent default. */
export function renderReport(name: string, input: ReportInput): string {
    const format = reportFormat(name);
    if (!format) throw new Error(`no report format ${JSON.stringify(name)} (the formats are ${REPORT_FORMAT_NAMES.join(", ")})`);
    return format.render(input);
}
