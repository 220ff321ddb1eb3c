// The provider configuration as pulumi-aws v7 sees it: CheckConfig's answer and the values Configure
// keeps for resource Checks. Pure.
//
// Sources (read, not copied):
//   pulumi/pulumi-terraform-bridge@59de6c661 (v3.136.0) pkg/tfbridge/config_encoding.go:
//     ConfigEncoding. Every known provider key that is not a string travels as a JSON string (the
//     Node SDK JSON-stringifies them; CheckConfig answers them folded the same way); "" is the zero
//     value; an unknown stays unknown; unknown keys (version, ...) pass through.
//   same, pkg/tfbridge/provider.go CheckConfig / Configure: CheckConfig returns the inputs (after
//     PreConfigureCallback) with schema secrets marked; Configure stores the decoded config
//     (p.configValues) that every resource Check hands to PreCheckCallbacks as `meta`.
//   pulumi/pulumi-aws@0c5f6583 provider/resources.go: Config infos mark accessKey, secretKey and
//     token secret, default region from AWS_REGION/AWS_DEFAULT_REGION, skipRegionValidation true and
//     skipCredentialsValidation false (defaults applied to the Terraform config only, never to the
//     values CheckConfig returns or Configure keeps); provider/config.go preConfigureCallback
//     validates credentials against AWS (this test provider does not: there is no AWS here).
//   pulumi/pulumi@dc7edd58bc13 sdk/go/common/resource/plugin/provider_plugin.go Configure: the
//     engine never calls Configure with unknown config (it stops there and answers Check itself).
import typesFile from "./types.json";
import { containsSecrets, containsUnknowns, goJsonMarshal, isSecret, secret, skipNulls, stripSecrets, UNKNOWN, Wire, WireMap } from "./wire";

const CONFIG_KINDS = typesFile.config as Record<string, string>;

/** Provider config keys marked Secret in pulumi-aws's Config infos (provider/resources.go). */
export const SECRET_CONFIG_KEYS = ["accessKey", "secretKey", "token"];

function zeroValue(kind: string): Wire {
    switch (kind) {
        case "b":
            return false;
        case "n":
            return 0;
        case "a":
            return [];
        default:
            return {};
    }
}

/** ConfigEncoding.UnfoldProperties over UnmarshalProperties (secrets dropped, nulls skipped). */
export function decodeProviderConfig(args: WireMap | undefined | null): WireMap {
    const plain = skipNulls(stripSecrets(args ?? {})) as WireMap;
    const out: WireMap = {};
    for (const [k, v] of Object.entries(plain)) {
        const kind = CONFIG_KINDS[k];
        if (kind === undefined || kind === "s" || typeof v !== "string" || v === UNKNOWN) {
            out[k] = v;
            continue;
        }
        if (v === "") {
            out[k] = zeroValue(kind);
            continue;
        }
        let parsed: Wire;
        try {
            parsed = JSON.parse(v) as Wire;
        } catch {
            throw new Error(`failed to unmarshal to provider values: provider config ${k}: not JSON: ${v}`);
        }
        out[k] = stripSecrets(parsed);
    }
    return out;
}

/** ConfigEncoding.FoldProperties: back to the wire, known non-string keys as Go-encoded JSON. */
export function encodeProviderConfig(config: WireMap): WireMap {
    const out: WireMap = {};
    for (const [k, v] of Object.entries(config)) out[k] = foldValue(k, v);
    return out;
}

function foldValue(k: string, v: Wire): Wire {
    if (containsUnknowns(v)) return UNKNOWN;
    if (containsSecrets(v)) return secret(foldValue(k, stripSecrets(v)));
    const known = k in CONFIG_KINDS;
    if (known && v === null) return "";
    if (known && typeof v !== "string") return goJsonMarshal(v);
    return v;
}

export interface CheckFailure {
    property: string;
    reason: string;
}

/** CheckConfig: the decoded inputs, schema secrets marked, folded back. pulumi-aws would also fail
 * here without AWS credentials; this test provider accepts any. */
export function checkProviderConfig(news: WireMap): { inputs: WireMap; failures: CheckFailure[] } {
    const decoded = decodeProviderConfig(news);
    // typeCheckConfig only logs type mismatches unless PULUMI_ERROR_CONFIG_TYPE_CHECKER is set.
    const failures: CheckFailure[] = [];
    const marked: WireMap = { ...decoded };
    for (const k of SECRET_CONFIG_KEYS) {
        const v = marked[k];
        if (v !== undefined && v !== null && !isSecret(v)) marked[k] = secret(v);
    }
    return { inputs: encodeProviderConfig(marked), failures };
}

/** The provider's region as resources see it: config region, or AWS_REGION / AWS_DEFAULT_REGION
 * (the config default of provider/resources.go, applied when building the Terraform config). */
export function providerRegion(config: WireMap, env: NodeJS.ProcessEnv = {}): string | undefined {
    const r = config.region;
    if (typeof r === "string" && r !== "" && r !== UNKNOWN) return r;
    return env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
}
