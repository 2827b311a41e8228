/**
 * The embedder config asks for: an in-process model, a remote service, or none. Loading never blocks start-up:
 * the caller attaches the embedder to the index when it arrives and search stays on keywords until then (or
 * for good, with the reason in /ready and the log, when the model cannot be had).
 */
import { join } from 'node:path';
import type { Config } from '../../config.js';
import type { Embedder } from '../embedder.js';

/** Why no embedder is wanted, or undefined when one is. */
export function embedderDisabled(config: Config): string | undefined {
  if (!config.VECTOR_SEARCH_ENABLED) return 'VECTOR_SEARCH_ENABLED=false: keyword search only';
  if (config.EMBEDDER === 'none') return 'EMBEDDER=none: keyword search only';
  return undefined;
}

export async function openEmbedder(config: Config): Promise<Embedder> {
  if (config.EMBEDDER === 'remote') {
    if (!config.EMBEDDINGS_URL) throw new Error('EMBEDDER=remote needs EMBEDDINGS_URL (an OpenAI-compatible API base such as https://api.openai.com/v1)');
    const { connectRemoteEmbedder } = await import('./remote.js');
    return connectRemoteEmbedder({
      url: config.EMBEDDINGS_URL,
      model: config.EMBEDDING_MODEL,
      ...(config.EMBEDDINGS_API_KEY ? { apiKey: config.EMBEDDINGS_API_KEY } : {}),
    });
  }
  // Imported on demand: onnxruntime's native binding loads only when a model is wanted.
  const { loadTransformersEmbedder } = await import('./transformers.js');
  return loadTransformersEmbedder({
    model: config.EMBEDDING_MODEL,
    cacheDir: join(config.DATA_DIR, 'models'),
    allowRemote: true,
    ...(config.EMBEDDING_MODEL_DIR ? { modelDir: config.EMBEDDING_MODEL_DIR } : {}),
  });
}
