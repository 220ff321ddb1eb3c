// Setup for the mutation-testing suites (vitest.stryker.config.mts, isolate: false): every test
// starts with none of the pack's memos, as a freshly loaded pack would, so that no value
// remembered under one mutant, or by an earlier test, answers for another. Forgetting them before
// each test, not each file, also makes Stryker's per-test coverage true: a test that would read a
// memoised answer computes it, so it is counted as covering the code behind the memo. Forgetting
// the memos, rather than loading the pack's modules afresh, loads the pack once per mutant run.
import { beforeEach } from "vitest";
import { forgetMemos } from "../../policypack/src/bounded-cache";

beforeEach(() => forgetMemos());
