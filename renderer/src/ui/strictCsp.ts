/**
 * The pages run under `script-src 'self'` with no eval. zod compiles fast object parsers with
 * `new Function` when it may; told not to, it never tries (and never trips the policy).
 */
import { z } from 'zod';

z.config({ jitless: true });
