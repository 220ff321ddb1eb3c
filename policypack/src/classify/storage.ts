// Which resource types store user data: the classification policy asks these to be tagged.
import awsServices from "../../data/aws-services.json";
import otherProviders from "../../data/storage-types.json";
import memberTypes from "../../data/member-types.json";
import noDataTypes from "../../data/no-data-types.json";

const storage = new Map<string, string>([
    ...awsServices.storageTypes.map((t): [string, string] => [t.type, t.service]),
    // Other providers' storage types (Yandex, GCP, Azure, Kubernetes, OpenStack, ...).
    ...otherProviders.types.map((t): [string, string] => [t.type, t.service]),
]);

/** The storage service a type belongs to ("S3", "RDS", ...), or undefined if it stores no user data. */
export function storageService(type: string): string | undefined {
    return storage.get(type);
}

export function storageTypes(): string[] {
    return [...storage.keys()];
}

const members = new Map<string, readonly string[]>(memberTypes.types.map((t): [string, readonly string[]] => [t.type, t.store]));

/**
 * The store types a member type lives in (an object in its bucket), or undefined for a type that
 * is a store of its own. A member inherits its store's classification (data/member-types.json).
 */
export function memberOf(type: string): readonly string[] | undefined {
    return members.get(type);
}

const noDataExact = new Map<string, string>();
const noDataModules = new Map<string, string>();
for (const t of noDataTypes.types) {
    if (t.pattern.endsWith("/*")) noDataModules.set(t.pattern.slice(0, -1), t.why);
    else noDataExact.set(t.pattern, t.why);
}

/**
 * Why a type is known to hold no user data (data/no-data-types.json), or undefined. Callers must
 * still let storage types and flow types win over this list (decide/localization.ts noDataType).
 */
export function knownNoData(type: string): string | undefined {
    const exact = noDataExact.get(type);
    if (exact !== undefined) return exact;
    const slash = type.indexOf("/");
    return slash < 0 ? undefined : noDataModules.get(type.slice(0, slash + 1));
}
