// What a report format is: a name, the file extensions a --full-report file of it may have, and
// how it renders a data map. The formats are listed once, in formats.ts.
import type { DataMap } from "./data-map";
import type { JunitResource } from "./junit";
import type { MarkdownOptions } from "./markdown";

export interface ReportInput {
    /** The data map: one stack's, or an organisation's (subject.kind "organisation"). */
    map: DataMap;
    /** Each stack's resources as analysed, in the order of the map's stacks (one entry for one stack). */
    resources: readonly (readonly JunitResource[])[];
    /** The file a result points at when its resource has no source position, one per stack. */
    fallbackFiles: readonly string[];
    markdown: MarkdownOptions;
    toolVersion: string;
    /** SARIF paths are relative to this directory. */
    baseDir: string;
}

export interface ReportFormat {
    name: string;
    /** Extensions (lower case, with the dot) a --full-report file in this format may have; none: it cannot be one. */
    fullReportExtensions: readonly string[];
    render(input: ReportInput): string;
}
