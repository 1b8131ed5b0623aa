/** A `.cpiplan` file imported as its text (esbuild's text loader): the plan the snapshot is warmed up on. */
declare module '*.cpiplan' {
    const text: string;
    export default text;
}
