// What the engine uses of the platform it runs on beyond the language, declared for its own type
// check (src/core/tsconfig.json), which has no Node, DOM or VS Code types: an import of `vscode`,
// `node:fs` or a DOM call in src/core then fails the build. Node, browsers and web workers all
// provide these.

/** UTF-8 and the legacy Chinese encodings (GB18030, UTF-16) of WHATWG Encoding. */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

/**
 * Loads a module the bundles keep beside them (the binary readers and the office writers, see
 * esbuild.config.js): the one use of require in the engine.
 */
declare function require(id: './readers' | './writers'): unknown;
