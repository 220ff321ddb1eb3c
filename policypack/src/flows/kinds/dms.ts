// DMS: a replication task copies from the store behind its source endpoint to the store behind its
// target endpoint (or the target's server), through its replication instance.
import { label } from "../../values";
import { GROUPS } from "../groups";
import type { FlowFamily } from "./family";
import { transferTask } from "./transfer-task";

const replicationTask = transferTask({
    kind: "DMS replication task",
    processing: "the task's replication instance reads every record where the task runs",
    source: "sourceEndpointArn",
    destination: "targetEndpointArn",
    endTypes: GROUPS.dmsEndpoint,
    endWord: "endpoint",
    stores: [
        ["s3Settings.bucketName", GROUPS.bucket],
        ["kinesisSettings.streamArn", GROUPS.stream],
    ],
    server: { properties: ["serverName"], what: "serverName" },
    noServer: (_ctx, e, host) => ({
        kind: "unknown",
        label: label(e),
        how: host.kind === "unknown" ? `${label(e)} serverName is not known yet` : `${label(e)} names no store in this stack and no server, so the pack cannot tell where the data goes`,
    }),
});

export const DMS: FlowFamily = {
    "aws:dms/replicationTask:ReplicationTask": { extract: replicationTask, taggable: true },
};
