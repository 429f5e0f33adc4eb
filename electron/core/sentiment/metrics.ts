/** Accuracy and macro-F1 over the classes present in the gold labels (the measure the README table uses). */
export function scoreLabels(gold: readonly number[], predicted: readonly number[]): { accuracy: number; macroF1: number } {
  const classes = [...new Set(gold)];
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  const f1s = classes.map((c) => {
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === c && gold[i] === c) tp++;
      else if (predicted[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return {
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
  };
}

/** Always answering the most frequent class: the baseline a model must beat to be worth anything. */
export function majorityBaseline(train: readonly number[], gold: readonly number[]): { accuracy: number; macroF1: number } {
  const counts = new Map<number, number>();
  for (const y of train) counts.set(y, (counts.get(y) ?? 0) + 1);
  const majority = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
  return scoreLabels(gold, gold.map(() => majority));
}
