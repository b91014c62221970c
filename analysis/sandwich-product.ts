/** B·M·B for a p × p bread B and meat M: the shape of every sandwich covariance (HC3, clustered). */
export function sandwichProduct(bread: number[][], meat: number[][]): number[][] {
  return multiply(multiply(bread, meat), bread);
}

function multiply(left: number[][], right: number[][]): number[][] {
  const p = left.length;
  return left.map((row) => {
    const product = new Array<number>(p).fill(0);
    for (let k = 0; k < p; k += 1) {
      if (row[k] === 0) continue;
      for (let j = 0; j < p; j += 1) product[j] += row[k] * right[k][j];
    }
    return product;
  });
}
