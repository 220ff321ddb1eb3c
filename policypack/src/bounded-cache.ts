// The pack's memos are keyed by what a stack repeats (tag keys and values, endpoint strings,
// resource types, configs), so each distinct one is worked out once per deployment. A stack of
// unique values must not grow memory without end, so a full cache starts afresh.
export class BoundedCache<K, V> {
    private readonly entries = new Map<K, V>();

    constructor(private readonly limit: number) {}

    /** The kept value for `key`, working it out with `compute` (and keeping it) on a miss. */
    get(key: K, compute: (key: K) => V): V {
        const hit = this.entries.get(key);
        if (hit !== undefined || this.entries.has(key)) return hit as V;
        const value = compute(key);
        if (this.entries.size >= this.limit) this.entries.clear();
        this.entries.set(key, value);
        return value;
    }
}
