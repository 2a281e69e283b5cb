/** What the draft writer (draft-writer.ts) has "typed" by save `seq`: the same for both sides, growing and shrinking as typing does. */
export function typedBy(seq: number): string {
  return `Her friends said she is worried (${seq}) `.repeat(1 + (seq % 40));
}
