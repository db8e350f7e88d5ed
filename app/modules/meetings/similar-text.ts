// Whether two decision texts are nearly the same (client-safe, pure): compared without case, accents,
// punctuation or repeated spaces, by the overlap of their letter pairs (Sørensen–Dice). A retyped or
// lightly edited decision scores above the threshold; two decisions on different things stay far below.
export const NEAR_DUPLICATE = 0.85

export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function pairs(text: string): Map<string, number> {
  const out = new Map<string, number>()
  for (let i = 0; i < text.length - 1; i++) {
    const p = text.slice(i, i + 2)
    out.set(p, (out.get(p) ?? 0) + 1)
  }
  return out
}

/** 1 for the same text (once normalized), 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const x = normalizeText(a)
  const y = normalizeText(b)
  if (x === y) return 1
  if (x.length < 2 || y.length < 2) return 0
  const px = pairs(x)
  const py = pairs(y)
  let common = 0
  for (const [p, n] of px) common += Math.min(n, py.get(p) ?? 0)
  return (2 * common) / (x.length - 1 + (y.length - 1))
}

export const nearlySame = (a: string, b: string) => similarity(a, b) >= NEAR_DUPLICATE
