// Reading an endpoint URL the way an HTTP client would, to find the host it really talks to.
import { BoundedCache } from "../bounded-cache";

export interface EndpointHost {
    /** Lowercase host, IDN in punycode, no trailing dot, no port; undefined if not a URL. */
    host?: string;
    /** Observations worth telling the user (never the user-info itself: it may hold credentials). */
    notes: string[];
}

const cache = new BoundedCache<string, EndpointHost>(1000);

/**
 * The host an endpoint URL points at. Parsing uses the WHATWG URL parser, as Node's HTTP clients
 * do, so `https://storage.yandexcloud.net@s3.amazonaws.com` is Amazon, and a host written in
 * Unicode is compared in its punycode form.
 */
export function endpointHost(raw: string): EndpointHost {
    return cache.get(raw, parseHost);
}

function parseHost(raw: string): EndpointHost {
    const notes: string[] = [];
    const text = raw.trim();
    if (text === "") return { notes: ["the endpoint is empty"] };
    // Parsers disagree on these (test/evasion): the WHATWG parser used here reads a backslash
    // as "/" and silently drops tabs and newlines, while Go's net/url, which the aws provider
    // uses, rejects them or keeps them in the user-info. "https://storage.yandexcloud.net\@s3.amazonaws.com"
    // would be Yandex here and something else there, so the pack reads no host at all (fail closed).
    if (/[\\\u0000-\u0020\u007f]/.test(text)) {
        return { notes: ["it contains a backslash, a space or a control character, which URL parsers read differently"] };
    }
    // The AWS SDK accepts a bare host; treat it as https, as the SDK does.
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
    let url: URL;
    try {
        url = new URL(withScheme);
    } catch {
        return { notes: ["the endpoint is not a valid URL"] };
    }
    if (url.username !== "" || url.password !== "") {
        notes.push('the URL carries user-info before "@", which is not part of the host');
    }
    let host = url.hostname.toLowerCase();
    while (host.endsWith(".")) host = host.slice(0, -1);
    if (host === "") return { notes: [...notes, "the endpoint has no host"] };
    return { host, notes };
}

/** True for IPv4 and IPv6 literals: an address says nothing about a country. */
export function isIpAddress(host: string): boolean {
    return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith("[");
}

/**
 * An endpoint as it may be shown in a message: everything before the last "@" is dropped, since
 * it may be user-info with a password (messages never carry credentials).
 */
export function displayEndpoint(raw: string): string {
    const at = raw.lastIndexOf("@");
    return at < 0 ? raw : `…${raw.slice(at)}`;
}
