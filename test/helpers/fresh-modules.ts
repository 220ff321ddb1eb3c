// Setup for the mutation-testing suites (vitest.stryker.config.mts, isolate: false): every test
// file starts with none of the pack's memos, as a freshly loaded pack would, so that no value
// remembered under one mutant, or by one file, answers for another. Forgetting the memos, rather
// than loading the pack's modules afresh for each file, loads the pack once per mutant run.
import { beforeAll } from "vitest";
import { forgetMemos } from "../../policypack/src/bounded-cache";

beforeAll(() => forgetMemos());
