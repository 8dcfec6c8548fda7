// The shared layer: pure code both the client and the language server use, imported as '@shared'.
// The architecture test (test/architecture.test.ts) allows the client no other import of server code.
export * from './protocol';
export { applyPreviewPatch, diffFiles, isPreviewPatch, PREVIEWS_KEPT } from './previewPatch';
export * from './archiveIndex';
export * from './readArchive';
export { formatBytes } from './formatBytes';
export { CONFIG_FILE_NAME } from './configFileName';
export { isCompatible, parseTaskVersion, type TaskIdentifier } from './taskVersion';
export { shortId } from './shortId';
