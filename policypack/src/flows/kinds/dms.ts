// DMS: a replication task copies from the store behind its source endpoint to the store behind its
// target endpoint (or the target's server), through its replication instance.
import { readString } from "../../locate/read";
import { field, label } from "../../values";
import { GROUPS } from "../groups";
import { outside } from "../resolve";
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
    outside: (ctx, e) => {
        const host = readString(field(e.props, "serverName"));
        if (host.kind === "value") return outside(host.value, `${label(e)} serverName`, "host", ctx.settings);
        const how = host.kind === "unknown" ? `${label(e)} serverName is not known yet` : `${label(e)} names no store in this stack and no server, so the pack cannot tell where the data goes`;
        return { kind: "unknown", label: label(e), how };
    },
});

export const DMS: FlowFamily = {
    "aws:dms/replicationTask:ReplicationTask": { extract: replicationTask, taggable: true },
};
