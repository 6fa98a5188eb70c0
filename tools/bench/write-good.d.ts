/** write-good ships no types; the benchmark only calls its default export on a string. */
declare module 'write-good' {
  const writeGood: (text: string) => Array<{ index: number; offset: number; reason: string }>;
  export default writeGood;
}
