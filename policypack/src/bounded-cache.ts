// The pack's memos are keyed by what a stack repeats (tag keys and values, endpoint strings,
// resource types, configs), so each distinct one is worked out once per deployment. A stack of
// unique values must not grow memory without end, so a full cache starts afresh.
//
// Every memo is registered here, so that one call forgets them all. The pack never needs to: its
// memos are pure functions of their keys. Mutation testing does: it runs many versions of the
// code in one process, and a value remembered under one version must not answer for another.
const everyMemo = new Set<() => void>();

/** Register how to forget a memo that is not a BoundedCache (a trie, a list of recent reads). */
export function registerMemo(forget: () => void): void {
    everyMemo.add(forget);
}

/** Forget every memo the pack holds, as a process that loaded the pack afresh would have none. */
export function forgetMemos(): void {
    for (const forget of everyMemo) forget();
}

export class BoundedCache<K, V> {
    private readonly entries = new Map<K, V>();

    constructor(private readonly limit: number) {
        registerMemo(() => this.entries.clear());
    }

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
