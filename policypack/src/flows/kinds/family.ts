// What a flow family file exports: its flow resource types, each with its extractor and whether
// the type can carry tags (a type that cannot has a declared transfer declared on its source store).
import type { Extractor } from "../resolve";

export type FlowFamily = Readonly<Record<string, { extract: Extractor; taggable: boolean }>>;
