import { yieldToEventLoop } from '../yield';
import { FEATURE_BITS, type SparseVector } from './features';

const DIM = 1 << FEATURE_BITS;
const CLASSES = 3;

export type TrainingExample = { x: SparseVector; y: number };
export type TrainOptions = { epochs?: number; rate?: number; l2?: number; seed?: number };

/**
 * Multinomial logistic regression over hashed features, trained with AdaGrad SGD and balanced class weights
 * (crisis data is mostly neutral or negative; unweighted, a small model learns to never say "positive").
 */
export class SentimentModel {
  private constructor(readonly weights: Float32Array, readonly bias: Float32Array) {}

  static train(examples: readonly TrainingExample[], opts: TrainOptions = {}): SentimentModel {
    const steps = SentimentModel.steps(examples, opts);
    for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
  }

  /** The same training, pausing every few hundred examples so the process keeps answering while it learns. */
  static async trainInBackground(examples: readonly TrainingExample[], opts: TrainOptions = {}): Promise<SentimentModel> {
    const steps = SentimentModel.steps(examples, opts);
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return r.value;
      await yieldToEventLoop();
    }
  }

  private static *steps(examples: readonly TrainingExample[], opts: TrainOptions): Generator<void, SentimentModel> {
    const { epochs = 10, rate = 0.1, l2 = 1e-6 } = opts; // swept on en/ru at 250-3000 labels
    const weights = new Float32Array(DIM * CLASSES);
    const bias = new Float32Array(CLASSES);
    const g2 = new Float32Array(DIM * CLASSES).fill(1e-6);
    const counts = [0, 0, 0];
    for (const e of examples) counts[e.y]++;
    const present = counts.filter((c) => c > 0).length;
    const classWeight = counts.map((c) => (c > 0 ? examples.length / (present * c) : 0));
    const order = examples.map((_e, i) => i);
    let random = opts.seed ?? 12345;
    const next = () => ((random = Math.imul(random ^ (random >>> 15), 2246822507) + 1) >>> 0) / 4294967296;
    const p = new Float64Array(CLASSES);
    let step = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const n of order) {
        if (++step % 500 === 0) yield;
        const { x, y } = examples[n];
        softmax(weights, bias, x, p);
        for (let k = 0; k < CLASSES; k++) {
          const grad = (p[k] - (k === y ? 1 : 0)) * classWeight[y];
          if (grad === 0) continue;
          bias[k] -= rate * 0.1 * grad;
          for (let f = 0; f < x.index.length; f++) {
            const w = x.index[f] * CLASSES + k;
            const g = grad * x.value[f] + l2 * weights[w];
            g2[w] += g * g;
            weights[w] -= (rate * g) / Math.sqrt(g2[w]);
          }
        }
      }
    }
    return new SentimentModel(weights, bias);
  }

  /** Class probabilities (negative, neutral, positive). */
  predict(x: SparseVector): Float64Array {
    const p = new Float64Array(CLASSES);
    softmax(this.weights, this.bias, x, p);
    return p;
  }

  serialize(): Buffer {
    const out = Buffer.alloc((this.weights.length + CLASSES) * 4);
    Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength).copy(out, 0);
    Buffer.from(this.bias.buffer, this.bias.byteOffset, this.bias.byteLength).copy(out, this.weights.byteLength);
    return out;
  }

  static deserialize(buffer: Buffer): SentimentModel {
    if (buffer.length !== (DIM * CLASSES + CLASSES) * 4) throw new Error('A stored sentiment model has the wrong size.');
    const copy = new Float32Array(buffer.length / 4);
    Buffer.from(copy.buffer).set(buffer);
    return new SentimentModel(copy.subarray(0, DIM * CLASSES), copy.subarray(DIM * CLASSES));
  }
}

function softmax(weights: Float32Array, bias: Float32Array, x: SparseVector, p: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < CLASSES; k++) {
    let z = bias[k];
    for (let f = 0; f < x.index.length; f++) z += weights[x.index[f] * CLASSES + k] * x.value[f];
    p[k] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let k = 0; k < CLASSES; k++) sum += p[k] = Math.exp(p[k] - max);
  for (let k = 0; k < CLASSES; k++) p[k] /= sum;
}

/** The most probable class; ties go to negative, then neutral (missing a complaint costs more than a false alarm). */
export function argmax(p: ArrayLike<number>): number {
  return p[0] >= p[1] && p[0] >= p[2] ? 0 : p[2] > p[1] ? 2 : 1;
}
