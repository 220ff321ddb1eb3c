// AWS Backup: a plan's rules say where recovery points go (the target vault, copy actions); its
// selections say which stores it backs up (ARNs, ARN wildcards, tags).
import { readString } from "../../locate/read";
import { field, isUnknown, label, quote } from "../../values";
import { GROUPS } from "../groups";
import { at, dedupe, eachItem, Endpoint, Extractor, FlowContext, flows, items, perStack, resolve, self, typed } from "../resolve";
import { push, type StackResource } from "../stack";
import type { FlowFamily } from "./family";

// Selections point at plans, so the index is reversed once.
function selectionsByPlan(ctx: FlowContext): Map<string, StackResource[]> {
    return perStack(ctx, indexSelectionsByPlan);
}

function indexSelectionsByPlan(ctx: FlowContext): Map<string, StackResource[]> {
    const byPlan = new Map<string, StackResource[]>();
    const planById = new Map<string, StackResource>();
    for (const p of ctx.index.ofType(GROUPS.backupPlan[0])) {
        const id = readString(field(p.props, "id"));
        if (id.kind === "value") planById.set(id.value, p);
    }
    for (const s of ctx.index.ofType("aws:backup/selection:Selection")) {
        let targets = typed(s.propertyDependencies["planId"], ctx, GROUPS.backupPlan);
        const planId = readString(field(s.props, "planId"));
        if (targets.length === 0 && planId.kind === "value") {
            const p = planById.get(planId.value) ?? ctx.index.lookup(planId.value, GROUPS.backupPlan)?.resources[0];
            if (p) targets = [p];
        }
        if (targets.length === 0) targets = typed(s.dependencies, ctx, GROUPS.backupPlan);
        for (const p of targets) push(byPlan, p.urn, s);
    }
    return byPlan;
}

// The service an ARN of each store type names (arn:<partition>:<service>:...), by type module.
const ARN_SERVICE_BY_MODULE: Record<string, string> = {
    s3: "s3",
    dynamodb: "dynamodb",
    kinesis: "kinesis",
    rds: "rds",
    docdb: "rds",
    neptune: "rds",
    redshift: "redshift",
    efs: "elasticfilesystem",
    ebs: "ec2",
    ec2: "ec2",
    fsx: "fsx",
    opensearch: "es",
    elasticsearch: "es",
};

/**
 * False only when the pattern is an ARN pattern whose service is written out and differs from the
 * service of the type's ARNs: "arn:aws:dynamodb:*" cannot select a bucket. Anything else may match.
 */
function mayMatchService(pattern: string, type: string): boolean {
    if (!pattern.startsWith("arn:")) return true;
    const service = pattern.split(":")[2];
    if (service === undefined || /[*?]/.test(service)) return true;
    const module = /^aws:([^/:]+)/.exec(type)?.[1];
    const own = module && Object.prototype.hasOwnProperty.call(ARN_SERVICE_BY_MODULE, module) ? ARN_SERVICE_BY_MODULE[module] : undefined;
    return own === undefined || own === service;
}

function globToRegExp(glob: string): RegExp {
    return new RegExp(
        `^${glob
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
    );
}

function selectedStores(ctx: FlowContext, s: StackResource): Endpoint[] {
    const out: Endpoint[] = [];
    const sel = label(s);
    const res = field(s.props, "resources");
    const list = items(res);
    if (list.unknown) {
        // Only a store its value comes from can be what it selects; a dependency of another type says nothing.
        const found = typed(s.propertyDependencies["resources"], ctx, GROUPS.backupSource);
        if (found.length > 0) for (const f of found) out.push({ kind: "resource", resource: f, how: `${sel} resources is not known yet; it comes from ${label(f)}` });
        else out.push({ kind: "unknown", label: `${sel} resources`, how: `the resources of ${sel} are not known yet` });
    }
    list.list.forEach((item, i) => {
        const v = readString(item);
        const path = `${sel} resources[${i}]`;
        if (v.kind === "value" && /[*?]/.test(v.value)) {
            const re = globToRegExp(v.value);
            const withArn = new Set<string>();
            for (const [arn, rs] of ctx.index.withArns()) {
                for (const m of rs) withArn.add(m.urn);
                if (re.test(arn)) for (const m of rs) out.push({ kind: "resource", resource: m, how: `${path} ${quote(v.value)} matches its ARN` });
            }
            // In a preview a new store's ARN is not known yet, so nothing above matches it, yet the
            // pattern will select it once it exists: count every store of the stack whose ARN is not
            // known as selected (fail closed), unless the pattern names another service.
            for (const t of GROUPS.backupSource) {
                for (const m of ctx.index.ofType(t)) {
                    if (withArn.has(m.urn) || !mayMatchService(v.value, m.type)) continue;
                    out.push({
                        kind: "resource",
                        resource: m,
                        how: `${path} ${quote(v.value)} may match its ARN, which is not known yet (a new store in a preview), so the pack counts it as selected`,
                    });
                }
            }
            return;
        }
        // A store outside the stack may be selected too; its tags cannot be seen, so it is no source the pack reports.
        out.push(...resolve(ctx, s, { value: item, path, depKey: "resources", types: GROUPS.backupSource }));
    });
    // An unknown list of conditions, or an unknown condition, selects stores the pack cannot name (eachItem, at).
    out.push(
        ...eachItem(field(s.props, "selectionTags"), `${sel} selectionTags`, (t, p): Endpoint[] => {
            const key = readString(at(t, "key"));
            const value = readString(at(t, "value"));
            if (key.kind === "unknown" || value.kind === "unknown") return [{ kind: "unknown", label: p, how: `${p} is not known yet` }];
            if (key.kind !== "value" || value.kind !== "value") return [];
            const tagged = `${quote(key.value)} = ${quote(value.value)}`;
            return [
                ...ctx.index.taggedWith(key.value, value.value).map((m): Endpoint => ({ kind: "resource", resource: m, how: `${p} selects resources tagged ${tagged}` })),
                // A store whose tags, or whose value for this key, are not known yet may carry the tag once they are (fail closed).
                ...ctx.index.mayBeTaggedWith(key.value, GROUPS.backupSource).map((m): Endpoint => ({
                    kind: "resource",
                    resource: m,
                    how: `${p} selects resources tagged ${tagged}, and ${label(m)} has tags not known yet that may be that one, so the pack counts it as selected`,
                })),
            ];
        }),
    );
    return out.filter((e) => e.kind !== "resource" || !e.resource.type.startsWith("aws:backup/"));
}

const backupPlan: Extractor = (r, ctx) => {
    const selections = selectionsByPlan(ctx).get(r.urn) ?? [];
    const from = dedupe(selections.flatMap((s) => selectedStores(ctx, s)));
    const to: Endpoint[] = [];
    // An unknown list of rules, or an unknown rule, is an unknown destination (at, eachItem).
    to.push(
        ...eachItem(field(r.props, "rules"), "rules", (rule, p) => {
            if (isUnknown(rule)) return [{ kind: "unknown", label: p, how: `${p} is not known yet` }];
            const vault = resolve(ctx, r, { value: at(rule, "targetVaultName"), path: `${p}.targetVaultName`, depKey: "rules", types: GROUPS.backupVault });
            // A plan backs up into a vault in its own region: a vault outside the stack is where the plan is.
            for (const v of vault) to.push(v.kind === "external" ? self(r, `${p}.targetVaultName ${quote(v.label)} is not in this stack; a plan's target vault is in the plan's own region`) : v);
            to.push(
                ...eachItem(at(rule, "copyActions"), `${p}.copyActions`, (c, cp) =>
                    resolve(ctx, r, { value: at(c, "destinationVaultArn"), path: `${cp}.destinationVaultArn`, depKey: "rules", types: GROUPS.backupVault }),
                ),
            );
            return [];
        }),
    );
    return flows("AWS Backup", r, from, dedupe(to));
};

export const AWS_BACKUP: FlowFamily = {
    "aws:backup/plan:Plan": { extract: backupPlan, taggable: true },
};
