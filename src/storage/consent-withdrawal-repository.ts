/**
 * SQL for withdrawing one purpose of a donation: the purposes still agreed to, and the record of
 * the withdrawal (migration 008). Transactions are the caller's.
 */
import type { Database } from 'better-sqlite3';

export interface ConsentWithdrawalRow {
  donationId: string;
  purpose: string;
  consentVersion: string;
  consentSha256: string;
  /** UTC day, YYYY-MM-DD. */
  withdrawnOn: string;
}

export class ConsentWithdrawalRepository {
  private readonly statements;

  constructor(readonly db: Database) {
    this.statements = {
      setPurposes: db.prepare('UPDATE donations SET purposes_json = @purposesJson WHERE id = @donationId'),
      insert: db.prepare(`INSERT INTO consent_withdrawals (donation_id, purpose, consent_version, consent_sha256, withdrawn_on)
        VALUES (@donationId, @purpose, @consentVersion, @consentSha256, @withdrawnOn)
        ON CONFLICT (donation_id, purpose) DO NOTHING`),
      ofDonation: db.prepare(`SELECT donation_id AS donationId, purpose, consent_version AS consentVersion,
          consent_sha256 AS consentSha256, withdrawn_on AS withdrawnOn
        FROM consent_withdrawals WHERE donation_id = @donationId ORDER BY purpose`),
    };
  }

  setPurposes(donationId: string, purposes: readonly string[]): void {
    this.statements.setPurposes.run({ donationId, purposesJson: JSON.stringify([...purposes].sort()) });
  }

  insert(row: ConsentWithdrawalRow): void {
    this.statements.insert.run(row);
  }

  ofDonation(donationId: string): ConsentWithdrawalRow[] {
    return this.statements.ofDonation.all({ donationId }) as ConsentWithdrawalRow[];
  }
}
