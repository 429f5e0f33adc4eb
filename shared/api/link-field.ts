import { z } from 'zod';
import { isSafeExternalUrl } from '../security';

/** A link the app opens through the main process (a channel's, a fake account's): http(s) only, or nothing. */
export const linkField = z.string().trim().max(2000).refine((u) => u === '' || isSafeExternalUrl(u), { message: 'an http(s) address, or nothing' });
