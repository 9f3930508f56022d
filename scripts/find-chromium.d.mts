/** Types for find-chromium.mjs, used by playwright.config.ts. */
export declare const HOW_TO_GET_ONE: string;
export declare function findChromium(): string;
