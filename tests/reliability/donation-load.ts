/**
 * Donations sent the way many donors' clients send them: concurrent, each with its own
 * Idempotency-Key, over keep-alive connections to a server on loopback.
 */
import { randomUUID } from 'node:crypto';

export interface Acknowledged {
  receipt: string;
  contentSha256: string;
}

export interface LoadResult {
  acknowledged: Acknowledged[];
  /** Status codes of answers that were not 201 (e.g. 500 would be a bug). */
  failures: number[];
  /** Requests that got no answer at all (connection refused or reset): nothing was promised. */
  unanswered: number;
}

export interface LoadOptions {
  url: string;
  clients: number;
  donations: number;
  /** Body of the n-th donation. */
  body(index: number): unknown;
  /** Stop early, e.g. once the server has been killed. */
  shouldStop?(): boolean;
  /** Called after each acknowledgement with the number so far. */
  onAcknowledged?(count: number): void;
}

export async function sendDonations(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { acknowledged: [], failures: [], unanswered: 0 };
  let next = 0;
  const client = async () => {
    while (next < options.donations && !options.shouldStop?.()) {
      const index = next;
      next += 1;
      try {
        const response = await fetch(`${options.url}/api/v1/campaigns/credit-scores/donations`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
          body: JSON.stringify(options.body(index)),
        });
        const text = await response.text();
        if (response.status === 201) {
          const answer = JSON.parse(text) as Acknowledged;
          result.acknowledged.push({ receipt: answer.receipt, contentSha256: answer.contentSha256 });
          options.onAcknowledged?.(result.acknowledged.length);
        } else {
          result.failures.push(response.status);
        }
      } catch {
        result.unanswered += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  return result;
}

/** Reads every acknowledged donation back with its receipt; returns the receipts not found intact. */
export async function missingDonations(url: string, acknowledged: readonly Acknowledged[], clients = 16): Promise<string[]> {
  const missing: string[] = [];
  let next = 0;
  const reader = async () => {
    while (next < acknowledged.length) {
      const { receipt, contentSha256 } = acknowledged[next];
      next += 1;
      const response = await fetch(`${url}/api/v1/donations/me`, { headers: { Authorization: `Bearer ${receipt}` } });
      const body = response.status === 200 ? ((await response.json()) as { donation: { contentSha256: string } }) : undefined;
      if (body?.donation.contentSha256 !== contentSha256) missing.push(receipt);
    }
  };
  await Promise.all(Array.from({ length: clients }, reader));
  return missing;
}
