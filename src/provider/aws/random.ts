// The engine's random seed turned into an autoname suffix exactly as the provider does it.
//
// The bridge names a resource with resource.NewUniqueName(seed, prefix, randlen, maxlen, charset)
// (pulumi/pulumi-terraform-bridge@59de6c661 pkg/tfbridge/info/autonaming.go ComputeAutoNameDefault).
// NewUniqueName (pulumi/pulumi@dc7edd58bc13 sdk/go/common/resource/resource_id.go) hashes the seed
// with SHA-256 and seeds lukechampine.com/frand.NewCustom with it, then draws every suffix
// character as charset[rng.Intn(len(charset))]. The bridge's go.mod pins frand v1.5.1, whose
// NewCustom is Go's math/rand/v2 ChaCha8 (the C2SP chacha8rand generator; Go's
// internal/chacha8rand), and whose Intn(n) is Uint64n: draw uint64s until one is below
// MaxUint64 - MaxUint64 % n, then take it modulo n. This file re-implements those three steps.
import { createHash, randomBytes } from "node:crypto";

const MASK32 = 0xffffffff;
const U64 = (1n << 64n) - 1n;

function rotl(x: number, n: number): number {
    return ((x << n) | (x >>> (32 - n))) >>> 0;
}

/** One chacha8rand block: four interleaved ChaCha8 blocks, 32 uint64 outputs. */
function block(seed: bigint[], counter: number): bigint[] {
    // b[k][i]: word k of lane i; lanes differ only in the counter (word 12).
    const words: number[][] = [];
    const consts = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574];
    const key: number[] = [];
    for (const s of seed) key.push(Number(s & BigInt(MASK32)), Number((s >> 32n) & BigInt(MASK32)));
    for (let i = 0; i < 4; i++) {
        const init = [...consts, ...key, (counter + i) >>> 0, 0, 0, 0];
        const x = init.slice();
        const qr = (a: number, b: number, c: number, d: number) => {
            x[a] = (x[a]! + x[b]!) >>> 0;
            x[d] = rotl(x[d]! ^ x[a]!, 16);
            x[c] = (x[c]! + x[d]!) >>> 0;
            x[b] = rotl(x[b]! ^ x[c]!, 12);
            x[a] = (x[a]! + x[b]!) >>> 0;
            x[d] = rotl(x[d]! ^ x[a]!, 8);
            x[c] = (x[c]! + x[d]!) >>> 0;
            x[b] = rotl(x[b]! ^ x[c]!, 7);
        };
        for (let round = 0; round < 4; round++) {
            qr(0, 4, 8, 12);
            qr(1, 5, 9, 13);
            qr(2, 6, 10, 14);
            qr(3, 7, 11, 15);
            qr(0, 5, 10, 15);
            qr(1, 6, 11, 12);
            qr(2, 7, 8, 13);
            qr(3, 4, 9, 14);
        }
        // Only the key words get the initial state added back (chacha8_generic.go block_generic).
        for (let k = 4; k < 12; k++) x[k] = (x[k]! + init[k]!) >>> 0;
        words.push(x);
    }
    // The [16][4]uint32 array read as [32]uint64, little-endian: flat index k*4+i.
    const flat: number[] = [];
    for (let k = 0; k < 16; k++) for (let i = 0; i < 4; i++) flat.push(words[i]![k]!);
    const out: bigint[] = [];
    for (let j = 0; j < 32; j++) out.push(BigInt(flat[2 * j]!) | (BigInt(flat[2 * j + 1]!) << 32n));
    return out;
}

/** Go's math/rand/v2 ChaCha8 (internal/chacha8rand State: Init, Next, Refill). */
export class ChaCha8 {
    private seed: bigint[];
    private buf: bigint[];
    private i = 0;
    private n = 32;
    private c = 0;

    constructor(seed32: Uint8Array) {
        if (seed32.length !== 32) throw new Error("ChaCha8 needs a 32-byte seed");
        const view = Buffer.from(seed32);
        this.seed = [0, 8, 16, 24].map((o) => view.readBigUInt64LE(o));
        this.buf = block(this.seed, 0);
    }

    uint64(): bigint {
        for (;;) {
            if (this.i < this.n) return this.buf[this.i++]!;
            this.refill();
        }
    }

    private refill(): void {
        this.c += 4;
        if (this.c === 16) {
            this.seed = this.buf.slice(28, 32);
            this.c = 0;
        }
        this.buf = block(this.seed, this.c);
        this.i = 0;
        this.n = this.c === 12 ? 28 : 32;
    }

    /** frand v1.5.1 RNG.Intn / Uint64n. */
    intn(n: number): number {
        const bn = BigInt(n);
        const max = U64 - (U64 % bn);
        for (;;) {
            const x = this.uint64();
            if (x < max) return Number(x % bn);
        }
    }
}

export const HEX = "0123456789abcdef";

/** resource.NewUniqueName. The engine sends a seed with every Check; without one the Go code draws
 * from an unseeded generator, as this does from crypto random bytes. */
export function newUniqueName(seed: Uint8Array, prefix: string, randlen: number, maxlen: number, charset = HEX): string {
    if (randlen <= 0) randlen = 8;
    // Go's len() counts bytes.
    if (maxlen > 0 && Buffer.byteLength(prefix) + randlen > maxlen) {
        throw new Error(`name '${prefix}' plus ${randlen} random chars is longer than maximum length ${maxlen}`);
    }
    const key = seed.length === 0 ? randomBytes(32) : createHash("sha256").update(seed).digest();
    const rng = new ChaCha8(key);
    const chars = [...charset];
    let suffix = "";
    for (let i = 0; i < randlen; i++) suffix += chars[rng.intn(chars.length)];
    return prefix + suffix;
}
