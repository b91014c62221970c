/**
 * B·M·B for a p × p bread B and meat M: the shape of every sandwich covariance (HC3, clustered).
 * Two products in flat typed arrays (row by row, skipping B's zeros), each entry summed over k in
 * ascending order as before.
 */
export function sandwichProduct(bread: number[][], meat: number[][]): number[][] {
  const p = bread.length;
  const flatBread = flatten(bread);
  const left = multiply(flatBread, flatten(meat), p);
  const product = multiply(left, flatBread, p);
  return Array.from({ length: p }, (_, i) => Array.from(product.subarray(i * p, (i + 1) * p)));
}

function flatten(matrix: number[][]): Float64Array {
  const p = matrix.length;
  const flat = new Float64Array(p * p);
  for (let i = 0; i < p; i += 1) flat.set(matrix[i], i * p);
  return flat;
}

function multiply(left: Float64Array, right: Float64Array, p: number): Float64Array {
  const product = new Float64Array(p * p);
  for (let i = 0; i < p; i += 1) {
    const row = i * p;
    for (let k = 0; k < p; k += 1) {
      const factor = left[row + k];
      if (factor === 0) continue;
      const other = k * p;
      for (let j = 0; j < p; j += 1) product[row + j] += factor * right[other + j];
    }
  }
  return product;
}
