// For the mutation checker only (tsconfig.checker.json): the pack's data files are typed as `any`
// instead of as TypeScript's inferred literal types. Those types were four fifths of the types the
// checker builds (44,527 against 9,365), and the data files are read by module-level code, whose
// mutants a run leaves out (ignoreStatic); the pack's own build still types them.
declare module "*.json" {
    // `any` is the point: unknown would make every read of the data a type error.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const value: any;
    export default value;
}
