// DataSync: a task copies from the store behind its source location to the store behind its
// destination location (or the location's server or bucket outside the stack), through the service.
import { label } from "../../values";
import { GROUPS } from "../groups";
import type { FlowFamily } from "./family";
import { transferTask } from "./transfer-task";

const task = transferTask({
    kind: "DataSync task",
    processing: "DataSync moves the data through the service in the task's region",
    source: "sourceLocationArn",
    destination: "destinationLocationArn",
    endTypes: GROUPS.dataSyncLocation,
    endWord: "location",
    stores: [
        ["s3BucketArn", GROUPS.bucket],
        ["efsFileSystemArn", GROUPS.efsFileSystem],
    ],
    server: { properties: ["serverHostname", "containerUrl"], what: "server" },
    noServer: (_ctx, l) => ({ kind: "unknown", label: label(l), how: `${label(l)} names no store in this stack and no server the pack can locate` }),
});

export const DATASYNC: FlowFamily = {
    "aws:datasync/task:Task": { extract: task, taggable: true },
};
