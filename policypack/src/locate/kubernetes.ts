// Kubernetes (`kubernetes:` from @pulumi/kubernetes). Where a cluster runs is written nowhere in
// its objects, so only the pack config says it: clusterLocations maps a provider URN, a provider
// name, a kubeconfig context or a cluster name to a country. The provider's `context` and
// `cluster` inputs (stack config kubernetes:context, kubernetes:cluster) are the context and
// cluster names; a provider that names neither uses the kubeconfig's current context, which the
// pack cannot see. An object on an unmapped cluster is unknown.
import { quote } from "../values";
import { configuredLocation, type Location, type LocationSettings, type ResourceView } from "./location";
import { providerString, unknownLocation } from "./read";

export function locateKubernetes(resource: ResourceView, settings: LocationSettings): Location {
    const p = resource.provider;
    const context = providerString(p?.props, "context");
    const cluster = providerString(p?.props, "cluster");
    const candidates: [string | undefined, string][] = [
        [p?.urn, "provider URN"],
        [p?.name, "provider name"],
        [context.kind === "value" ? context.value : undefined, "kubeconfig context"],
        [cluster.kind === "value" ? cluster.value : undefined, "cluster name"],
    ];
    const map = settings.clusterLocations;
    const configured = configuredLocation("clusterLocations", map, candidates);
    if (configured) return configured;
    const notes: string[] = [];
    if (context.kind === "unknown") notes.push("the provider's context is not known yet");
    if (cluster.kind === "unknown") notes.push("the provider's cluster is not known yet");
    const tried = candidates.filter(([key]) => key).map(([key, label]) => `${label} ${quote(key!)}`);
    const how = [
        "a Kubernetes cluster's location is not in its objects, and the pack config clusterLocations maps none of",
        tried.length > 0 ? tried.join(", ") : "this resource's provider (it has no URN, name, context or cluster)",
        notes.length > 0 ? `(${notes.join("; ")})` : "",
        context.kind === "absent" && cluster.kind === "absent" ? "(the provider names no context, so it uses the kubeconfig's current context, which the pack cannot see)" : "",
    ]
        .filter((s) => s !== "")
        .join(" ");
    return unknownLocation(`${how}; add the provider's URN, name, context or cluster to clusterLocations with the country the cluster runs in`);
}
