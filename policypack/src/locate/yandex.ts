// Yandex Cloud (`yandex:` from the Yandex provider, tokens `yandex:index/<camel>:<Pascal>`).
//
// Three kinds of resources, three kinds of evidence:
// - Object Storage (storageBucket, storageObject) has no location field: the data goes to the
//   provider's `storageEndpoint` (stack config yandex:storageEndpoint).
// - Message Queue (messageQueue) goes to the provider's `ymqEndpoint`; newer providers also take
//   `regionId` on the queue.
// - Everything else is created through the provider's API `endpoint` in the zone or region the
//   resource names (`zone`, `zoneId`, `hosts[].zone`, `hosts[].zoneId`, `locationId`,
//   `location.region.id`, `allocationPolicy.zones[]`, `allocationPolicy.locations[].zone`,
//   `master.zonal.zone`, `master.regional.region`, `config.zones[]`, and whatever zone, region or
//   location fields the provider's own reference gives for the type: data/type-index.json), else
//   the provider's `zone`.
//
// Defaults: when the provider sets no endpoint, the Yandex provider uses an environment variable
// if one is set (YC_ENDPOINT, YC_STORAGE_ENDPOINT_URL, YC_MESSAGE_QUEUE_ENDPOINT) and otherwise
// its documented default (api.cloud.yandex.net:443, storage.yandexcloud.net,
// message-queue.api.cloud.yandex.net): terraform-provider-yandex common/provider_consts.go and
// yandex/provider.go setToDefaultIfNeeded, commit b52b1df (2026-08-22), checked 2026-12-01. Almost
// no stack sets them, so by default the pack decides with the documented default and says so;
// providerDefaults: strict makes an unset endpoint unknown instead, for teams that steer
// endpoints through those environment variables, which the pack cannot see. A zone is different
// evidence: "ru-central1-a" exists only in Yandex Cloud's Russian region, so a resource in that
// zone is in Russia whichever endpoint created it, unless the provider's endpoint is explicitly
// another installation (Kazakhstan, Nebius Israel), which then decides.
import { RUSSIA } from "../countries";
import { field, quote } from "../values";
import { locateEndpoint } from "./endpoint-location";
import type { Location, LocationSettings, ResourceView } from "./location";
import { collectBlocks, indexLocationPaths } from "./index-paths";
import { collect, Collected, isEmpty, judgePlaces, providerString, readString, Str, unknownLocation } from "./read";
import { findRegion, findZone } from "./catalogue";

const CLOUD = "yandex";
const NAME = "Yandex Cloud";

const RESOURCE_PATHS = [
    "zone",
    "zoneId",
    "hosts[].zone",
    "hosts[].zoneId",
    "locationId",
    "location.region.id",
    "allocationPolicy.zones[]",
    "allocationPolicy.locations[].zone",
    "master.zonal.zone",
    "master.regional.region",
    "master.regional.locations[].zone",
    "config.zones[]",
    "regionId",
    // Current (plugin-framework) resources of terraform-provider-yandex, from their schemas
    // (yandex-framework/services/*, commit b52b1df): the *V2 database clusters key hosts by name
    // (hosts: map of host name → { zone }), which "hosts[].zone" walks; Greenplum V2 has
    // config.zone_id; OpenSearch node groups have zone_ids.
    "config.zoneId",
    "config.opensearch.nodeGroups[].zoneIds[]",
    "config.dashboards.nodeGroups[].zoneIds[]",
];

// The same paths in block form: a block may arrive as one object, a list or a map of objects, so
// only a list of strings at the end keeps its "[]".
const RESOURCE_BLOCK_PATHS = RESOURCE_PATHS.map((p) => p.replace(/\[\](?=.)/g, ""));

/**
 * The resource's zones and regions: the paths above, then the ones the provider's reference gives
 * for this type (data/type-index.json, from data/yandex-schema.json). One reader for both, so a
 * field that two paths reach is reported once, in one wording.
 */
function resourcePlaces(resource: ResourceView): Collected {
    const extra = indexLocationPaths(resource.type).filter((p) => !RESOURCE_BLOCK_PATHS.includes(p));
    return collectBlocks(resource.props, extra.length === 0 ? RESOURCE_BLOCK_PATHS : [...RESOURCE_BLOCK_PATHS, ...extra], "the resource's");
}

type Kind = { kind: "storage" } | { kind: "queue" } | { kind: "database-object" } | { kind: "api" };

function kindOf(type: string): Kind {
    const name = /^yandex:[^/]*\/([^:]+):/.exec(type)?.[1] ?? "";
    if (/^storage[A-Z]/.test(name)) return { kind: "storage" };
    if (name === "messageQueue") return { kind: "queue" };
    if (/^ydb(Table|Topic)/.test(name)) return { kind: "database-object" };
    return { kind: "api" };
}

// A YDB table, topic, changefeed or index is written straight to the database its connection
// string names (grpcs://host:2135/?database=/<region>/<folder>/<database>), not through the API
// endpoint: terraform-provider-yandex docs/resources/ydb_table.md (connection_string),
// ydb_topic.md (database_endpoint), ydb_table_changefeed.md and ydb_table_index.md, commit
// b52b1df, checked 2026-12-02. The first segment of the database path is the region id (Yandex's
// connection examples: /ru-central1/...). So that string, when it is known, decides.
const DATABASE_FIELDS = ["connectionString", "databaseEndpoint"];

/** The region id and host a YDB connection string names, or why it names neither. */
function parseConnection(value: string): { region?: string; host?: string } | { error: string } {
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        return { error: "it is not a URL" };
    }
    const database = url.searchParams.get("database") ?? decodeURIComponent(url.pathname);
    const region = database.split("/").find((segment) => segment !== "");
    const host = url.hostname === "" ? undefined : url.hostname;
    if (!region && !host) return { error: "it names neither a database path nor a host" };
    return { region, host };
}

/** Where the database a YDB object names is, or undefined when the object names none the pack can read yet. */
function databaseLocation(resource: ResourceView, settings: LocationSettings): Location | undefined {
    for (const key of DATABASE_FIELDS) {
        const value = readString(field(resource.props, key));
        const what = `the resource's ${key}`;
        if (value.kind === "absent" || value.kind === "unknown") continue;
        if (value.kind === "invalid") return unknownLocation(`${what} is not a string, so the pack cannot tell which database the data is written to`);
        const parsed = parseConnection(value.value);
        if ("error" in parsed) return unknownLocation(`${what} ${quote(value.value)} cannot be read (${parsed.error}), so the pack cannot tell which database the data is written to`);
        if (parsed.region && (findRegion(CLOUD, parsed.region) || findZone(CLOUD, parsed.region))) {
            return judgePlaces(CLOUD, NAME, { values: [{ what: `the database path in ${what}`, value: parsed.region }], unknown: [], invalid: [] });
        }
        if (parsed.host) return locateEndpoint(parsed.host, `the database host in ${what}`, settings);
        return unknownLocation(`${what} names the database path ${quote(parsed.region ?? "")}, whose first segment is not a Yandex Cloud region the pack knows, and no host`);
    }
    return undefined;
}

/** An endpoint the provider must name, with the config key and env var that set it. */
function endpointLocation(ep: Str, key: string, envVar: string, builtIn: string, settings: LocationSettings, serves: string): Location {
    const what = `the provider's ${key}`;
    if (ep.kind === "unknown") return unknownLocation(`${what} is not known yet`);
    if (ep.kind === "invalid") return unknownLocation(`${what} is not a string`);
    if (ep.kind === "absent") {
        if (settings.providerDefaults === "strict") {
            return unknownLocation(
                `${serves} goes to the provider's ${key}, which the provider does not set; the Yandex provider then uses the environment variable ${envVar} if it is set at deploy time (the pack cannot see it) and otherwise ${quote(builtIn)}, and providerDefaults: strict does not assume the default. Set yandex:${key} in the stack config (or ${key} on the provider) so the pack can check it`,
            );
        }
        return withDefaultNote(locateEndpoint(builtIn, `the Yandex provider's documented default ${key}`, settings), key, envVar);
    }
    return locateEndpoint(ep.value, what, settings);
}

/** Say that a default was assumed, and how to make the pack stricter. */
function withDefaultNote(l: Location, key: string, envVar: string): Location {
    const how = `${l.how} (the provider sets no ${key}, so the pack assumes the provider's documented default; if you set ${envVar} at deploy time instead, set providerDefaults: strict)`;
    return { ...l, how, unknowns: l.inRussia === "unknown" ? [how] : l.unknowns };
}

export function locateYandex(resource: ResourceView, settings: LocationSettings): Location {
    const providerProps = resource.provider?.props;
    const kind = kindOf(resource.type);

    if (kind.kind === "storage") {
        return endpointLocation(providerString(providerProps, "storageEndpoint"), "storageEndpoint", "YC_STORAGE_ENDPOINT_URL", "storage.yandexcloud.net", settings, "Object Storage data");
    }
    if (kind.kind === "queue") {
        const byEndpoint = endpointLocation(
            providerString(providerProps, "ymqEndpoint"),
            "ymqEndpoint",
            "YC_MESSAGE_QUEUE_ENDPOINT",
            "message-queue.api.cloud.yandex.net",
            settings,
            "A message queue",
        );
        if (byEndpoint.inRussia !== "yes") return byEndpoint;
        const region = collect(resource.props, ["regionId"], "the resource's");
        if (isEmpty(region)) return byEndpoint;
        const judged = judgePlaces(CLOUD, NAME, region, ` (${byEndpoint.how})`);
        return judged.inRussia === "yes" ? byEndpoint : judged;
    }

    if (kind.kind === "database-object") {
        // Not known yet (typically the database's ydbFullEndpoint in preview) or not set (a
        // changefeed given tableId): the database is judged as a resource of its own, and the
        // object is placed by its provider as any API resource is.
        const byDatabase = databaseLocation(resource, settings);
        if (byDatabase) return byDatabase;
    }

    // Created through the API endpoint: an explicit endpoint elsewhere decides.
    const endpoint = providerString(providerProps, "endpoint");
    let viaEndpoint: Location | undefined;
    if (endpoint.kind === "unknown") return unknownLocation("the provider's endpoint is not known yet");
    if (endpoint.kind === "invalid") return unknownLocation("the provider's endpoint is not a string");
    if (endpoint.kind === "value") {
        viaEndpoint = locateEndpoint(endpoint.value, "the provider's endpoint", settings);
        if (viaEndpoint.inRussia !== "yes") return viaEndpoint;
    }
    const suffix = viaEndpoint ? `, created through ${viaEndpoint.how}` : "";

    let places = resourcePlaces(resource);
    if (isEmpty(places)) places = collect(providerProps, ["zone"], "the provider's");
    if (!isEmpty(places)) return judgePlaces(CLOUD, NAME, places, suffix);
    // No zone or region anywhere: the resource lives in the installation the endpoint names.
    if (viaEndpoint) {
        return { inRussia: "yes", country: RUSSIA, region: viaEndpoint.region, how: `the resource names no zone or region, so it is in the installation of ${viaEndpoint.how}`, unknowns: [] };
    }
    if (settings.providerDefaults !== "strict") {
        const byDefault = withDefaultNote(locateEndpoint("api.cloud.yandex.net:443", "the Yandex provider's documented default endpoint", settings), "endpoint", "YC_ENDPOINT");
        if (byDefault.inRussia !== "yes") return byDefault;
        return { ...byDefault, how: `the resource names no zone or region, so it is in the installation of ${byDefault.how}` };
    }
    return unknownLocation(
        "neither the resource nor its provider names a zone or region, and the provider sets no endpoint (the Yandex provider would take YC_ZONE and YC_ENDPOINT from the deploy-time environment, which the pack cannot see); set yandex:zone or yandex:endpoint in the stack config",
    );
}
