// What a preview's planned state says and what it does not. For a resource being created, the
// provider's preview marks every computed attribute the program did not set unknown (pulumi-aws's
// planned state for a new bucket has `logging`, `replicationConfiguration`, `versioning`, … all
// unknown). A value the program sets from another resource's output is unknown too, but the
// engine records where it came from: the property's dependencies. So a wholly unknown top-level
// property with no property dependency was computed by the provider, not declared by the program,
// and declares no flow.
import { isPlainObject, isUnknown } from "../values";

// Where classification reads tags: an unknown there stays unknown, whoever made it so.
const KEPT = new Set(["tags", "tagsAll", "labels", "effectiveLabels", "metadata"]);

export function withoutProviderComputedUnknowns(props: unknown, propertyDependencies: Readonly<Record<string, readonly string[]>>): unknown {
    if (!isPlainObject(props)) return props;
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(props)) {
        if (!isUnknown(v) || KEPT.has(k) || (propertyDependencies[k]?.length ?? 0) > 0) continue;
        out ??= { ...props };
        delete out[k];
    }
    return out ?? props;
}
