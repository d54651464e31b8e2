/** Types for `snappyjs`, which ships none. */
declare module 'snappyjs' {
  function compress<T extends Uint8Array | ArrayBuffer>(data: T): T;
  function uncompress<T extends Uint8Array | ArrayBuffer>(data: T, maxLength?: number): T;
  const snappy: { compress: typeof compress; uncompress: typeof uncompress };
  export default snappy;
}
