/** The query of `GET /campaigns/:slug/template.csv`: the page language, which sets the CSV's separator and decimal mark. */
import { z } from 'zod';
import { LOCALES } from '../campaigns/types';

export const templateQuerySchema = z.object({
  lang: z.enum(LOCALES).optional().describe('Language of the reader: de and fr get ";" and "," decimals; default: the lang cookie, else Accept-Language, else en'),
});
