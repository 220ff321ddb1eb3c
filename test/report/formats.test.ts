// The report formats are one list: every command reads it, and a name not in it is an error.
import { describe, expect, it } from "vitest";
import { fullReportFormat } from "../../src/report/full-report";
import { REPORT_FORMAT_NAMES, renderReport } from "../../src/report/formats";

describe("the report format registry", () => {
    it("lists each format once", () => {
        expect(REPORT_FORMAT_NAMES).toEqual(["markdown", "json", "sarif", "junit", "html"]);
    });
    it("refuses a format it does not list instead of writing HTML", () => {
        expect(() => renderReport("xml", { map: {} as never, resources: [], fallbackFiles: [], markdown: {}, toolVersion: "0", baseDir: "/" })).toThrow(
            'no report format "xml" (the formats are markdown, json, sarif, junit, html)',
        );
    });
    it("gives a --full-report file the format its extension names, and none to others", () => {
        expect(["a.html", "a.HTM", "a.json", "a.md", "a.markdown", "a.sarif", "a.xml", "a"].map(fullReportFormat)).toEqual([
            "html",
            "html",
            "json",
            "markdown",
            "markdown",
            undefined,
            undefined,
            undefined,
        ]);
    });
});
