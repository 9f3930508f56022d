/** Types for package-contents.mjs, used by its tests. */
export type PackedFile = { path: string; unpacked: boolean };
export type PackageListing = { files: PackedFile[]; consoles: string[]; loadedModules: string[]; loadFailures: string[] };
export declare const BUNDLES: string[];
export declare function packageProblems(pkg: PackageListing): string[];
export declare function listArchive(asar: { getRawHeader(archive: string): { header: unknown } }, archive: string): PackedFile[];
export declare function packAndCheck(root: string): Promise<{ problems: string[]; summary: string }>;
