/**
 * The query of `GET /campaigns/:slug/template.csv`: the page language, which sets the CSV's
 * separator and decimal mark, and whether to write column titles and answer labels in it.
 */
import { z } from 'zod';
import { LOCALES } from '../campaigns/types';

export const templateQuerySchema = z.object({
  lang: z.enum(LOCALES).optional().describe('Language of the reader: de and fr get ";" and "," decimals; default: the lang cookie, else Accept-Language, else en'),
  labels: z.enum(['true', 'false']).optional().describe('true: the header has the column titles and the example row the answer labels, in the reader\'s language (the upload reads both); default: field names and codes'),
});
