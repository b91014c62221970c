/** The largest CSV file one donation may be: 5 MB holds the 5,000 records of the largest campaign several times over. */
export const CSV_MAX_FILE_BYTES = 5 * 1024 * 1024;
