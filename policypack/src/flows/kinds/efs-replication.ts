// EFS replication: to a file system of the stack, else to a region (a new replica file system).
import { servedByAws } from "../../locate/aws";
import { field, isUnknown } from "../../values";
import { GROUPS } from "../groups";
import { Endpoint, Extractor, flows, regionEndpoint, resolveAt, urnsOf } from "../resolve";
import type { FlowFamily } from "./family";

const efsReplication: Extractor = (r, ctx) => {
    const from = resolveAt(ctx, r, "sourceFileSystemId", GROUPS.efsFileSystem);
    const dest = field(r.props, "destination");
    let to: Endpoint[];
    if (isUnknown(dest)) to = [{ kind: "unknown", label: "destination", how: "destination is not known yet" }];
    else {
        const named = resolveAt(ctx, r, "destination.fileSystemId", GROUPS.efsFileSystem, { exclude: urnsOf(from) });
        // A file system of the stack says where the replica is; failing that the destination's
        // region does, even when the file system id is not known yet (a new replica in a preview)
        // or names one outside the stack; failing that, what the id says.
        to = named.filter((e) => e.kind === "resource");
        if (to.length === 0) to = regionEndpoint(field(dest, "region"), "destination.region", servedByAws(r) ? "an EFS replica" : undefined);
        if (to.length === 0) to = named;
        if (to.length === 0) to = [{ kind: "unknown", label: "destination", how: "destination names neither a file system in this stack nor a region" }];
    }
    return flows("EFS replication", r, from, to);
};

export const EFS_REPLICATION: FlowFamily = {
    "aws:efs/replicationConfiguration:ReplicationConfiguration": { extract: efsReplication, taggable: false },
};
