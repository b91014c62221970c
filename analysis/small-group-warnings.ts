/** Flags groups with fewer than k rows: their numbers are unstable and must not be published. */
export function smallGroupWarnings(groups: ReadonlyArray<{ group: string; n: number }>, minGroupSize: number): string[] {
  return groups
    .filter((group) => group.n < minGroupSize)
    .map((group) => `Group "${group.group}" has ${group.n} rows, fewer than k = ${minGroupSize}: its numbers are unreliable and must not be published.`);
}
