// Which resource types store user data: the classification policy asks these to be tagged.
import awsServices from "../../data/aws-services.json";
import otherProviders from "../../data/storage-types.json";
import memberTypes from "../../data/member-types.json";

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
