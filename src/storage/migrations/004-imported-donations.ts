/**
 * Records imported by an NGO from its own survey (`crowdaudit import`), beside donations made by
 * donors through the form or API.
 *
 * - `source`: 'donor' for every donation made so far and from now on through the form or API;
 *   'import' for a batch of an NGO's survey. An import batch is one donation row holding up to
 *   a batch's worth of records, each record standing for one respondent (the analyses count
 *   imported records, not import donations, as donors). One row per batch keeps a million-row
 *   import within its time budget: a donation row per respondent would also need a receipt hash
 *   per respondent, and nobody holds such a receipt.
 * - `consent_basis`: the NGO's own legal basis or consent text under which the survey was
 *   collected (`--consent-basis`); `consent_sha256` holds its SHA-256, as it holds the hash of the
 *   consent text a donor agreed to. NULL for donor donations, whose consent is the campaign's.
 *
 * Shipped migrations are never edited: a change is a new numbered file.
 */
export const migration004 = {
  version: 4,
  name: 'imported-donations',
  sql: `
    ALTER TABLE donations ADD COLUMN source TEXT NOT NULL DEFAULT 'donor' CHECK (source IN ('donor', 'import'));
    ALTER TABLE donations ADD COLUMN consent_basis TEXT;
  `,
};
