import type { ResourceLimits } from 'node:worker_threads';
import type { ServiceHeap } from '../config.ts';

/** A service's heap sizes as Node flags: for a child process, or `NODE_OPTIONS`. */
export function heapFlags(heap: ServiceHeap): string[] {
  return [`--max-old-space-size=${heap.maxOldMb}`, `--max-semi-space-size=${heap.semiSpaceMb}`];
}

/** A service's heap sizes as a worker thread's limits: V8's young generation is three semi-spaces (two, and large objects). */
export function heapResourceLimits(heap: ServiceHeap): ResourceLimits {
  return { maxOldGenerationSizeMb: heap.maxOldMb, maxYoungGenerationSizeMb: 3 * heap.semiSpaceMb };
}
