// The compiled test provider, installed as the engine installs plugins, started as the engine starts
// it, and driven over the provider gRPC protocol with the stubs shipped in @pulumi/pulumi.
// Needs `npm run build` first (dist/src/provider/aws/plugin.js).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ChildProcess, spawn } from "node:child_process";
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { installTestProviders, pluginPaths } from "../../src/provider/install";
import { UNKNOWN, WireMap } from "../../src/provider/aws/wire";

/* eslint-disable @typescript-eslint/no-require-imports */
const providerPb = require("@pulumi/pulumi/proto/provider_pb") as typeof import("@pulumi/pulumi/proto/provider_pb");
const providerGrpc = require("@pulumi/pulumi/proto/provider_grpc_pb") as { ResourceProviderClient: new (address: string, creds: grpc.ChannelCredentials) => grpc.Client };
const emptyPb = require("google-protobuf/google/protobuf/empty_pb") as typeof import("google-protobuf/google/protobuf/empty_pb");

type Client = grpc.Client & Record<string, (req: unknown, cb: (err: grpc.ServiceError | null, res: never) => void) => void>;

let home: string;
let child: ChildProcess;
let client: Client;

function call<R>(method: string, req: unknown): Promise<R> {
    return new Promise((resolve, reject) => client[method]!(req, (err, res) => (err ? reject(err) : resolve(res as R))));
}

const struct = (m: WireMap) => Struct.fromJavaScript(m as Record<string, never>);
const plain = (s: Struct | undefined) => (s?.toJavaScript() ?? {}) as WireMap;
const URN = "urn:pulumi:dev::proj::aws:s3/bucket:Bucket::customers";
const SEED = Buffer.from("seed-1");

beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-home-"));
    installTestProviders(home);
    const { exe } = pluginPaths(home, { kind: "resource", name: "aws", version: "7.48.0" });
    // As the engine does: the executable, logging flags, then the engine's address.
    child = spawn(exe, ["--logtostderr", "-v=9", "127.0.0.1:1"], { stdio: ["ignore", "pipe", "pipe"] });
    const port = await new Promise<number>((resolve, reject) => {
        let out = "";
        child.stdout!.on("data", (d: Buffer) => {
            out += d.toString();
            const line = out.split("\n")[0];
            if (out.includes("\n") && /^\d+$/.test(line!)) resolve(Number(line));
        });
        child.on("exit", (code) => reject(new Error(`plugin exited with ${code}`)));
    });
    client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as Client;
});

afterAll(() => {
    client?.close();
    child?.kill();
    if (home) fs.rmSync(home, { recursive: true, force: true });
});

describe("installTestProviders", () => {
    it("lays the plugin out where the engine's plugin cache looks", () => {
        const { dir, exe } = pluginPaths(home, { kind: "resource", name: "aws", version: "7.48.0" });
        expect(dir).toBe(path.join(home, "plugins", "resource-aws-v7.48.0"));
        expect(fs.statSync(exe).mode & 0o111).toBe(0o111);
        expect(fs.readFileSync(exe, "utf8")).toContain(path.join("dist", "src", "provider", "aws", "plugin.js"));
        expect(fs.existsSync(`${dir}.partial`)).toBe(false);
    });
});

describe("over gRPC", () => {
    it("GetPluginInfo reports 7.48.0; Handshake is unimplemented, as in pulumi-aws", async () => {
        const info = await call<{ getVersion(): string }>("getPluginInfo", new emptyPb.Empty());
        expect(info.getVersion()).toBe("7.48.0");
        await expect(call("handshake", new providerPb.ProviderHandshakeRequest())).rejects.toMatchObject({ code: grpc.status.UNIMPLEMENTED });
    });

    it("CheckConfig folds the config and marks secrets; Configure answers as pulumi-aws does", async () => {
        const news = { region: "eu-central-1", defaultTags: '{"tags":{"env":"prod"}}', accessKey: "AKIA", version: "7.48.0" };
        const res = await call<InstanceType<typeof providerPb.CheckResponse>>(
            "checkConfig",
            new providerPb.CheckRequest().setUrn("urn:pulumi:dev::proj::pulumi:providers:aws::default").setNews(struct(news)),
        );
        const inputs = plain(res.getInputs());
        expect(inputs).toEqual({ ...news, accessKey: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "AKIA" } });
        expect(res.getFailuresList()).toEqual([]);

        const conf = await call<InstanceType<typeof providerPb.ConfigureResponse>>(
            "configure",
            new providerPb.ConfigureRequest().setArgs(struct(inputs)).setAcceptsecrets(true).setAcceptresources(true),
        );
        expect(conf.toObject()).toEqual({
            acceptsecrets: false,
            supportspreview: true,
            acceptresources: false,
            acceptoutputs: false,
            supportsAutonamingConfiguration: true,
        });
    });

    it("Check returns pulumi-aws's checked inputs", async () => {
        const req = new providerPb.CheckRequest()
            .setUrn(URN)
            .setType("aws:s3/bucket:Bucket")
            .setName("customers")
            .setNews(struct({ tags: { "user-data": "personal", team: UNKNOWN } }))
            .setRandomseed(SEED);
        const res = await call<InstanceType<typeof providerPb.CheckResponse>>("check", req);
        expect(plain(res.getInputs())).toEqual({
            bucket: "customers-65bd308",
            region: "eu-central-1",
            tags: { "user-data": "personal", team: UNKNOWN },
            tagsAll: UNKNOWN,
            __defaults: ["bucket"],
        });
    });

    it("Create in preview returns the planned state, and for real an ID and ARN", async () => {
        const inputs = { bucket: "customers-65bd308", region: "eu-central-1", tags: { a: "1" }, tagsAll: { env: "prod", a: "1" }, __defaults: ["bucket"] };
        const preview = await call<InstanceType<typeof providerPb.CreateResponse>>("create", new providerPb.CreateRequest().setUrn(URN).setProperties(struct(inputs)).setPreview(true));
        expect(preview.getId()).toBe("");
        const planned = plain(preview.getProperties());
        expect(planned).toMatchObject({ bucket: "customers-65bd308", tagsAll: { env: "prod", a: "1" }, id: UNKNOWN, arn: UNKNOWN });
        expect(planned).not.toHaveProperty("__defaults");

        const real = await call<InstanceType<typeof providerPb.CreateResponse>>("create", new providerPb.CreateRequest().setUrn(URN).setProperties(struct(inputs)));
        expect(real.getId()).toBe("customers-65bd308");
        expect(plain(real.getProperties())).toMatchObject({ arn: "arn:aws:s3:::customers-65bd308", bucketRegion: "eu-central-1", hostedZoneId: "Z21DNDUVLTQW6Q" });
    });

    it("Invoke answers the data sources from the configured region", async () => {
        const res = await call<InstanceType<typeof providerPb.InvokeResponse>>(
            "invoke",
            new providerPb.InvokeRequest().setTok("aws:index/getAvailabilityZones:getAvailabilityZones").setArgs(struct({})),
        );
        expect(plain(res.getReturn())).toMatchObject({ names: ["eu-central-1a", "eu-central-1b", "eu-central-1c"], zoneIds: ["euc1-az1", "euc1-az2", "euc1-az3"] });
        const region = await call<InstanceType<typeof providerPb.InvokeResponse>>("invoke", new providerPb.InvokeRequest().setTok("aws:index/getRegion:getRegion").setArgs(struct({})));
        expect(plain(region.getReturn())).toMatchObject({ region: "eu-central-1", description: "Europe (Frankfurt)" });
        await expect(call("invoke", new providerPb.InvokeRequest().setTok("aws:s3/getBucket:getBucket"))).rejects.toMatchObject({ code: grpc.status.UNKNOWN });
    });

    it("Diff, Read, Update and Delete work on the state the engine sends", async () => {
        const olds = { bucket: "b", region: "eu-central-1", tags: { a: "1" } };
        const diff = await call<InstanceType<typeof providerPb.DiffResponse>>(
            "diff",
            new providerPb.DiffRequest()
                .setUrn(URN)
                .setId("b")
                .setOlds(struct(olds))
                .setOldInputs(struct(olds))
                .setNews(struct({ ...olds, tags: { a: "2" }, region: "eu-west-1" })),
        );
        expect(diff.getChanges()).toBe(providerPb.DiffResponse.DiffChanges.DIFF_SOME);
        expect(diff.getDiffsList()).toEqual(["region", "tags"]);
        expect(diff.getReplacesList()).toEqual(["region"]);
        const read = await call<InstanceType<typeof providerPb.ReadResponse>>(
            "read",
            new providerPb.ReadRequest()
                .setUrn(URN)
                .setId("b")
                .setProperties(struct({ ...olds, id: "b" })),
        );
        expect(plain(read.getProperties())).toEqual({ ...olds, id: "b" });
        const upd = await call<InstanceType<typeof providerPb.UpdateResponse>>(
            "update",
            new providerPb.UpdateRequest()
                .setUrn(URN)
                .setId("b")
                .setOlds(struct({ ...olds, arn: "arn:aws:s3:::b" }))
                .setNews(struct({ ...olds, tags: { a: "2" } })),
        );
        expect(plain(upd.getProperties())).toMatchObject({ id: "b", arn: "arn:aws:s3:::b", tags: { a: "2" } });
        await call("delete", new providerPb.DeleteRequest().setUrn(URN).setId("b"));
    });
});
