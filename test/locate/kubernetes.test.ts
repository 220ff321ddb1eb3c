import { describe, expect, it } from "vitest";
import { locate } from "../../policypack/src/locate";
import { settings, UNKNOWN, view } from "./helpers";

const pvc = "kubernetes:core/v1:PersistentVolumeClaim";
const props = { metadata: { name: "data", labels: { "user-data": "personal" } }, spec: { accessModes: ["ReadWriteOnce"] } };

describe("kubernetes: only clusterLocations says where a cluster is", () => {
    it("an unmapped cluster is unknown, and the message says what to map", () => {
        const l = locate(view(pvc, props, {}, "prod"), settings());
        expect(l.inRussia).toBe("unknown");
        expect(l.how).toContain('provider name "prod"');
        expect(l.how).toContain("kubeconfig's current context");
        expect(l.how).toContain("clusterLocations");
    });
    it("by provider name", () => {
        const l = locate(view(pvc, props, {}, "prod"), settings({ clusterLocations: { prod: "RU" } }));
        expect([l.inRussia, l.country]).toEqual(["yes", "RU"]);
        expect(l.how).toBe('the pack config clusterLocations maps the provider name "prod" to Russia (RU)');
    });
    it("by provider URN", () => {
        const v = view(pvc, props, {}, "prod");
        expect(locate(v, settings({ clusterLocations: { [v.provider!.urn]: "DE" } })).country).toBe("DE");
    });
    it("by kubeconfig context", () => {
        const l = locate(view("kubernetes:apps/v1:StatefulSet", props, { context: "yc-msk" }), settings({ clusterLocations: { "yc-msk": "RUS" } }));
        expect([l.inRussia, l.country]).toEqual(["yes", "RU"]);
    });
    it("by cluster name", () => {
        expect(locate(view("kubernetes:core/v1:Secret", props, { cluster: "gke-eu" }), settings({ clusterLocations: { "gke-eu": "BE" } })).inRussia).toBe("no");
    });
    it("an unknown context is said", () => {
        expect(locate(view(pvc, props, { context: UNKNOWN }), settings()).how).toContain("the provider's context is not known yet");
    });
    it("providerLocations does not apply to kubernetes", () => {
        expect(locate(view(pvc, props, {}, "prod"), settings({ providerLocations: { prod: "RU" } })).inRussia).toBe("unknown");
    });
});
