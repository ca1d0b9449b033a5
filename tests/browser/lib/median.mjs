// The median of the bench's and the profiles' runs.

/** The middle of `values` (the mean of the two middle ones for an even count), missing values left out; null for none. */
export function median(values) {
  const v = values.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
