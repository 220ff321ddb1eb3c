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
    resources.push({
        urn: bucket,
        custom: true,
        id: "site-bucket",
        type: "aws:s3/bucketV2:BucketV2",
        inputs: { bucket: "site-bucket" },
        outputs: { bucket: "site-bucket", arn: "arn:aws:s3:::site-bucket" },
        parent: stackUrn,
        provider: ref,
    });
    for (let i = 0; i < objects; i++) {
        const key = `assets/page-${String(i).padStart(4, "0")}.html`;
        const inputs = { bucket: "site-bucket", key, contentType: "text/html" };
        resources.push({
            urn: u(stack, project, "aws:s3/bucketObjectv2:BucketObjectv2", key),
            custom: true,
            id: key,
            type: "aws:s3/bucketObjectv2:BucketObjectv2",
            inputs,
            outputs: inputs,
            parent: stackUrn,
            provider: ref,
            dependencies: [bucket],
            propertyDependencies: { bucket: [bucket] },
        });
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

/**
 * A stack that is hard to lay out: very long names with no separator, Cyrillic and emoji names,
 * stores in Russia, abroad and of unknown location, and replications (to a store in the stack,
 * and to an ARN outside it), so messages are long and labels long.
 */
export function hostileExport(options: { stack?: string; project?: string } = {}): unknown {
    const stack = options.stack ?? "prod";
    const project = options.project ?? "hostile";
    const providers = {
        yandex: { region: "ru-central1", endpoints: JSON.stringify([{ s3: "https://storage.yandexcloud.net" }]), version: "7.48.0" },
        frankfurt: { region: "eu-central-1", version: "7.48.0" },
        nowhere: { version: "7.48.0" },
    };
    const stackUrn = u(stack, project, "pulumi:pulumi:Stack", `${project}-${stack}`);
    const resources: Record<string, unknown>[] = [{ urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack", outputs: {} }];
    const ref: Record<string, string> = {};
    for (const [name, inputs] of Object.entries(providers)) {
        const urn = u(stack, project, "pulumi:providers:aws", name);
        resources.push({ urn, custom: true, id: `${name}-id`, type: "pulumi:providers:aws", inputs, outputs: inputs });
        ref[name] = `${urn}::${name}-id`;
    }
    const tags = { "user-data": "personal, biometric, special", "data-subjects": "RU, KZ, BY" };
    const bucket = (name: string, provider: string) => {
        const urn = u(stack, project, "aws:s3/bucket:Bucket", name);
        const inputs = { bucket: name.slice(0, 63), tags };
        resources.push({ urn, custom: true, id: name, type: "aws:s3/bucket:Bucket", inputs, outputs: { ...inputs, arn: `arn:aws:s3:::${name}` }, parent: stackUrn, provider: ref[provider] });
        return urn;
    };
    const long = `customerrecordsofthewholeorganisationkeptforeverandeverbecausenobodydecidedotherwise${"x".repeat(120)}`;
    const sources = [bucket(long, "yandex"), bucket("клиентские-данные-москва-основное-хранилище-персональных-данных", "yandex"), bucket("📦📦📦-emoji-bucket-📦📦📦", "yandex")];
    const dest = bucket(`${long}-replica-in-frankfurt`, "frankfurt");
    bucket("where-is-this-bucket-nobody-set-a-region-for-its-provider-at-all", "nowhere");
    const repl = (name: string, from: string, to: string, target: string) => {
        const inputs = { bucket: from, role: "arn:aws:iam::123456789012:role/replication", rules: [{ id: "all", status: "Enabled", destination: { bucket: target } }] };
        resources.push({
            urn: u(stack, project, "aws:s3/bucketReplicationConfig:BucketReplicationConfig", name),
            custom: true,
            id: name,
            type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
            inputs,
            outputs: inputs,
            parent: stackUrn,
            provider: ref.yandex,
            dependencies: to ? [to] : [],
        });
    };
    repl(`${long}-replication-to-frankfurt`, long.slice(0, 63), dest, `arn:aws:s3:::${long}-replica-in-frankfurt`);
    repl(
        "replication-to-a-bucket-outside-this-stack-with-a-long-name",
        "клиентские-данные-москва-основное-хранилище-персональных-данных".slice(0, 63),
        "",
        `arn:aws:s3:::${"partner-archive-".repeat(4)}bucket`,
    );
    void sources;
    return { version: 3, deployment: { manifest: { time: "2026-11-01T10:00:00Z", magic: "generated", version: "v3.248.0" }, resources } };
}

/**
 * A stack whose values test the wire: lone surrogates (which google-protobuf's encoder drops or
 * keeps), keys such as "__proto__" and "constructor", integer-like keys whose order differs from
 * their sorted order, nulls in lists, -0 and extreme numbers, in names, tags and nested blocks.
 */
export function wireEdgeExport(): unknown {
    const stack = "prod";
    const project = "wire";
    const stackUrn = u(stack, project, "pulumi:pulumi:Stack", `${project}-${stack}`);
    const provider = { region: "eu-central-1", defaultTags: JSON.stringify({ tags: { "data-subjects": "RU\ud800", __proto__: "x" } }), version: "7.48.0" };
    const purn = u(stack, project, "pulumi:providers:aws", "p\udc00");
    const resources: Record<string, unknown>[] = [
        { urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack", outputs: {} },
        { urn: purn, custom: true, id: "p", type: "pulumi:providers:aws", inputs: provider, outputs: provider },
    ];
    const names = ["x\ud800y", "\udc00lone-low", "end-high\ud83d", "pair-😀", "__proto__", "constructor"];
    names.forEach((name, i) => {
        const inputs = {
            bucket: `b${i}`,
            tags: JSON.parse(`{"__proto__": {"user-data": "personal"}, "user-data": "personal\\ud800", "10": "a", "9": "b", "constructor": "c"}`) as unknown,
            nested: { list: [null, -0, 1e308, 5e-324, "s\udfff", { z: 1, a: [2, null] }], "2": true, "1": false },
        };
        resources.push({
            urn: u(stack, project, "aws:s3/bucket:Bucket", name),
            custom: true,
            id: `b${i}`,
            type: "aws:s3/bucket:Bucket",
            inputs,
            outputs: { ...inputs, arn: `arn:aws:s3:::b${i}` },
            parent: stackUrn,
            provider: `${purn}::p`,
            propertyDependencies: { zeta: [stackUrn], "\ud800alpha": [], beta: [purn] },
        });
    });
    return { version: 3, deployment: { manifest: { time: "2026-11-01T10:00:00Z", magic: "generated", version: "v3.248.0" }, resources } };
}
