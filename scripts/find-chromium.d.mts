/** Types for find-chromium.mjs, used by playwright.config.ts and the benchmarks. */
export declare const HOW_TO_GET_ONE: string;
export declare const CHROMIUM_ARGS: string[];
export type ChromiumLaunch = { executablePath: string; env: Record<string, string>; source: 'CHROMIUM_PATH' | 'system' | 'playwright' | 'npm' };
export declare function chromiumLaunch(): ChromiumLaunch;
export declare function findChromium(): string;
export declare function chromiumLaunchOptions(extraArgs?: string[]): { executablePath: string; args: string[]; env?: Record<string, string | undefined> };
export declare function prepareChromium(): Promise<ChromiumLaunch>;
