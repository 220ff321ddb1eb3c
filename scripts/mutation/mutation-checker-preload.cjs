// Loaded into StrykerJS's TypeScript checker processes only (checkerNodeArgs in stryker.config.mjs).
// The checker type-checks each mutant by telling TypeScript's watch-mode solution builder that a
// file changed; the builder then waits 250 ms (100 ms between projects) before it rebuilds, to
// batch an editor's keystrokes. Nothing else writes files here, so the wait is pure idle time on
// every one of a run's thousands of mutants: the timers fire at once instead.
const ts = require("typescript");
const setTimeoutOfSystem = ts.sys.setTimeout;
if (setTimeoutOfSystem) ts.sys.setTimeout = (callback, _ms, ...args) => setTimeoutOfSystem(callback, 0, ...args);
