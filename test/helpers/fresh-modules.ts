// Setup for the mutation-testing suites (vitest.stryker.config.mts, isolate: false): load the
// pack's modules afresh for each test file, so that no cache built under one mutant, or by one
// file, is seen by another. Modules in node_modules are not reset; they hold no mutants.
import { vi } from "vitest";

vi.resetModules();
