// jsdom ships no types and @types/jsdom is not installed: the part of its API the site uses.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: Record<string, unknown>);
    readonly window: Window & typeof globalThis;
    serialize(): string;
  }
}
