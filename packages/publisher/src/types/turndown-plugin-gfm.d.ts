// turndown-plugin-gfm ships no types; docgen uses only its `gfm` plugin function.
declare module 'turndown-plugin-gfm' {
  export const gfm: (service: unknown) => void;
}
