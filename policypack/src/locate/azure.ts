// Microsoft Azure (`azure-native:`, and the classic `azure:` from @pulumi/azure): no region in
// Russia. The location is read for reports from the resource's `location`, in either spelling
// ("germanywestcentral" or "Germany West Central").
//
// An azure-native resource without `location` takes its resource group's, which the provider
// looks up at deploy time. A resource policy is given one resource only, so the pack cannot see
// that location; it does not need to, because no Azure location is in Russia. The provider's
// `location` (stack config azure-native:location) is a default for resource groups only.
import type { Location, ResourceView } from "./location";
import { locateForeign } from "./generic-region";

const normalise = (v: string): string => v.replace(/\s+/g, "").toLowerCase();

export function locateAzure(resource: ResourceView): Location {
    const resourceGroup = resource.type === "azure-native:resources:ResourceGroup";
    return locateForeign(resource, {
        cloud: "azure",
        resourcePaths: ["location"],
        providerPaths: resourceGroup ? ["location"] : [],
        derive: normalise,
        absentNote: "it takes its resource group's location, which a resource policy is not given",
    });
}
