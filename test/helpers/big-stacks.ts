// Generated stack exports of the sizes real organisations have, for the reports' size and
// layout tests: a static site (one bucket and its objects, every object classified by the
// provider's default tags), and the bench's synthetic stack of any size.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stackExport } from "../../bench/synthetic";

const u = (stack: string, project: string, type: string, name: string) => `urn:pulumi:${stack}::${project}::${type}::${name}`;

/**
 * `pulumi stack export` of a static site in Frankfurt: a provider whose default tags say every
 * resource holds Russian citizens' personal data, one bucket, and `objects` bucket objects.
 */
export function staticSiteExport(objects: number, options: { stack?: string; project?: string; region?: string } = {}): unknown {
    const stack = options.stack ?? "prod";
    const project = options.project ?? "site";
    const provider = {
        urn: u(stack, project, "pulumi:providers:aws", "default_7_48_0"),
        custom: true,
        id: "provider-id",
        type: "pulumi:providers:aws",
        inputs: { region: options.region ?? "eu-central-1", defaultTags: JSON.stringify({ tags: { "user-data": "personal", "data-subjects": "RU" } }), version: "7.48.0" },
        outputs: { region: options.region ?? "eu-central-1", version: "7.48.0" },
    };
    const ref = `${provider.urn}::provider-id`;
    const stackUrn = u(stack, project, "pulumi:pulumi:Stack", `${project}-${stack}`);
    const resources: Record<string, unknown>[] = [{ urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack", outputs: {} }, provider];
    const bucket = u(stack, project, "aws:s3/bucketV2:BucketV2", "site");
    resources.push({ urn: bucket, custom: true, id: "site-bucket", type: "aws:s3/bucketV2:BucketV2", inputs: { bucket: "site-bucket" }, outputs: { bucket: "site-bucket", arn: "arn:aws:s3:::site-bucket" }, parent: stackUrn, provider: ref });
    for (let i = 0; i < objects; i++) {
        const key = `assets/page-${String(i).padStart(4, "0")}.html`;
        const inputs = { bucket: "site-bucket", key, contentType: "text/html" };
        resources.push({ urn: u(stack, project, "aws:s3/bucketObjectv2:BucketObjectv2", key), custom: true, id: key, type: "aws:s3/bucketObjectv2:BucketObjectv2", inputs, outputs: inputs, parent: stackUrn, provider: ref, dependencies: [bucket], propertyDependencies: { bucket: [bucket] } });
    }
    return { version: 3, deployment: { manifest: { time: "2026-11-01T10:00:00Z", magic: "generated", version: "v3.248.0" }, resources } };
}

/** Write an export to a fresh temporary folder and return the file's path. */
export function writeExport(name: string, doc: unknown, dir = fs.mkdtempSync(path.join(os.tmpdir(), "ru-residency-big-"))): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(doc));
    return file;
}

export { stackExport as syntheticExport };
