/**
 * Writes a tiny BERT-shaped sentence-embedding model that @huggingface/transformers can load from a folder, so the
 * transformers embedder can be tested without downloading anything. Test code only: src/ never imports it.
 *
 * The folder gets the usual Xenova/Hugging Face ONNX layout:
 *   config.json            model_type "bert" and the sizes below
 *   tokenizer.json         a WordPiece tokenizer (BertNormalizer, BertPreTokenizer, BertProcessing)
 *   tokenizer_config.json  BertTokenizer, lower case, model_max_length = max_position_embeddings
 *   onnx/model.onnx        (or onnx/model_quantized.onnx with quantizedOnly; same float graph, only the name differs)
 *
 * The ONNX graph is serialized by the small protobuf writer at the bottom of this file (no protobuf library).
 * It is one "layer" with random but seeded weights:
 *
 *   words     = Gather(word_embeddings[vocab, hidden], input_ids)              [batch, seq, hidden]
 *   types     = Gather(token_type_embeddings[2, hidden], token_type_ids)       [batch, seq, hidden]
 *   positions = Gather(position_embeddings[maxPos, hidden], Range(0, seq, 1)) [seq, hidden]
 *   hidden    = Tanh(MatMul(words + types + positions, dense[hidden, hidden]))
 *   last_hidden_state = hidden * Unsqueeze(Cast<float>(attention_mask), -1)  [batch, seq, hidden]
 *
 * Word vectors dominate (position and type vectors are scaled down), so texts that share words get similar mean-pooled
 * vectors, while the position term keeps word order from being completely invisible. Texts longer than
 * max_position_embeddings tokens make the position Gather fail, which makes truncation observable in tests.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mulberry32 } from '../../src/sandbox/catalog/rng.js';

export interface TinyModelOptions {
  /** hidden_size: the length of the vectors the model produces (default 32). */
  dimensions?: number;
  /** Ordinary words of the vocabulary (lower case); the five BERT special tokens are put in front of them. */
  vocab?: string[];
  /** Seed of the weight generator; the same seed gives byte-identical files (default 42). */
  seed?: number;
  /** Write only onnx/model_quantized.onnx instead of onnx/model.onnx. */
  quantizedOnly?: boolean;
  /** max_position_embeddings and the tokenizer's model_max_length (default 32). */
  maxLength?: number;
}

export const DEFAULT_TINY_VOCAB: readonly string[] = [
  'red', 'blue', 'green', 'black', 'white', 'cotton', 'silk', 'wool', 'shirt', 'saree', 'kurta', 'dress',
  'jeans', 'shoes', 'bag', 'steel', 'kitchen', 'knife', 'pan', 'pressure', 'cooker', 'spoon', 'plate', 'glass',
  'rice', 'basmati', 'atta', 'wheat', 'dal', 'milk', 'tea', 'coffee', 'sugar', 'salt', 'oil', 'ghee',
  'phone', 'charger', 'cable', 'laptop', 'mouse', 'battery', 'for', 'men', 'women', 'kids', 'pack', 'of',
];

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

export async function writeTinyModel(dir: string, opts: TinyModelOptions = {}): Promise<void> {
  const hidden = opts.dimensions ?? 32;
  const maxLength = opts.maxLength ?? 32;
  const words = opts.vocab ?? DEFAULT_TINY_VOCAB;
  const vocab = [...SPECIAL_TOKENS, ...words.filter((w) => !(SPECIAL_TOKENS as readonly string[]).includes(w))];
  if (new Set(vocab).size !== vocab.length) throw new Error('writeTinyModel: the vocabulary has duplicate words');
  if (!Number.isInteger(hidden) || hidden < 1) throw new Error('writeTinyModel: dimensions must be a positive integer');

  await mkdir(join(dir, 'onnx'), { recursive: true });
  await writeFile(join(dir, 'config.json'), JSON.stringify(bertConfig(vocab.length, hidden, maxLength), null, 2));
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(wordPieceTokenizer(vocab), null, 2));
  await writeFile(join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig(maxLength), null, 2));
  const onnxName = opts.quantizedOnly ? 'model_quantized.onnx' : 'model.onnx';
  await writeFile(join(dir, 'onnx', onnxName), buildOnnxModel(vocab.length, hidden, maxLength, opts.seed ?? 42));
}

// ---------------------------------------------------------------------------------------------------------------
// JSON files

function bertConfig(vocabSize: number, hidden: number, maxLength: number): Record<string, unknown> {
  return {
    architectures: ['BertModel'],
    model_type: 'bert',
    vocab_size: vocabSize,
    hidden_size: hidden,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    intermediate_size: hidden,
    hidden_act: 'gelu',
    max_position_embeddings: maxLength,
    type_vocab_size: 2,
    pad_token_id: 0,
    layer_norm_eps: 1e-12,
  };
}

/** A tokenizers-library tokenizer.json, shaped like the one of bert-base-uncased but with a tiny vocabulary. */
function wordPieceTokenizer(vocab: string[]): Record<string, unknown> {
  const id = (token: string): number => vocab.indexOf(token);
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: { type: 'BertProcessing', sep: ['[SEP]', id('[SEP]')], cls: ['[CLS]', id('[CLS]')] },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((token, i) => [token, i])),
    },
  };
}

function tokenizerConfig(maxLength: number): Record<string, unknown> {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: maxLength,
    clean_up_tokenization_spaces: true,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Seeded weights


/** count normally distributed values (Box-Muller) with the given standard deviation. */
function gaussian(next: () => number, count: number, std: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const u = 1 - next(); // (0, 1], so the log is finite
    const v = next();
    out[i] = std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The ONNX graph

/** onnx.TensorProto.DataType values used here. */
const FLOAT = 1;
const INT64 = 7;
/** onnx.AttributeProto.AttributeType.INT */
const ATTR_INT = 2;

function buildOnnxModel(vocabSize: number, hidden: number, maxLength: number, seed: number): Uint8Array {
  const next = mulberry32(seed);
  const initializers = [
    floatTensor('word_embeddings', [vocabSize, hidden], gaussian(next, vocabSize * hidden, 1)),
    floatTensor('token_type_embeddings', [2, hidden], gaussian(next, 2 * hidden, 0.1)),
    floatTensor('position_embeddings', [maxLength, hidden], gaussian(next, maxLength * hidden, 0.1)),
    // std 1/sqrt(hidden) keeps MatMul outputs near unit scale, so Tanh is neither linear nor saturated.
    floatTensor('dense_weight', [hidden, hidden], gaussian(next, hidden * hidden, 1 / Math.sqrt(hidden))),
    int64Tensor('zero', [], [0n]),
    int64Tensor('one', [], [1n]),
    int64Tensor('last_axis', [1], [-1n]),
  ];
  const nodes = [
    node('Gather', ['word_embeddings', 'input_ids'], ['words']),
    node('Gather', ['token_type_embeddings', 'token_type_ids'], ['types']),
    node('Shape', ['input_ids'], ['ids_shape']),
    node('Gather', ['ids_shape', 'one'], ['seq_len'], [intAttribute('axis', 0)]), // scalar index -> scalar
    node('Range', ['zero', 'seq_len', 'one'], ['position_ids']),
    node('Gather', ['position_embeddings', 'position_ids'], ['positions']),
    node('Add', ['words', 'types'], ['words_types']),
    node('Add', ['words_types', 'positions'], ['embeddings']), // [seq, hidden] broadcasts over batch
    node('MatMul', ['embeddings', 'dense_weight'], ['projected']),
    node('Tanh', ['projected'], ['activated']),
    node('Cast', ['attention_mask'], ['mask_float'], [intAttribute('to', FLOAT)]),
    node('Unsqueeze', ['mask_float', 'last_axis'], ['mask_3d']),
    node('Mul', ['activated', 'mask_3d'], ['last_hidden_state']),
  ];
  const graph = concat(
    ...nodes.map((n) => fieldBytes(1, n)), // GraphProto.node
    fieldString(2, 'tiny_bert'), // GraphProto.name
    ...initializers.map((t) => fieldBytes(5, t)), // GraphProto.initializer
    fieldBytes(11, valueInfo('input_ids', INT64, ['batch', 'sequence'])), // GraphProto.input
    fieldBytes(11, valueInfo('attention_mask', INT64, ['batch', 'sequence'])),
    fieldBytes(11, valueInfo('token_type_ids', INT64, ['batch', 'sequence'])),
    fieldBytes(12, valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', hidden])), // GraphProto.output
  );
  const opset = fieldVarint(2, 14); // OperatorSetIdProto.version (domain left empty = the default ai.onnx domain)
  return concat(
    fieldVarint(1, 8), // ModelProto.ir_version
    fieldString(2, 'ondc-shop tiny-model test helper'), // ModelProto.producer_name
    fieldBytes(7, graph), // ModelProto.graph
    fieldBytes(8, opset), // ModelProto.opset_import
  );
}

/** NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5. Each node is named after its output. */
function node(opType: string, inputs: string[], outputs: string[], attributes: Uint8Array[] = []): Uint8Array {
  return concat(
    ...inputs.map((name) => fieldString(1, name)),
    ...outputs.map((name) => fieldString(2, name)),
    fieldString(3, `${outputs[0] ?? opType}_node`),
    fieldString(4, opType),
    ...attributes.map((a) => fieldBytes(5, a)),
  );
}

/** AttributeProto: name = 1, i = 3, type = 20. */
function intAttribute(name: string, value: number): Uint8Array {
  return concat(fieldString(1, name), fieldVarint(3, value), fieldVarint(20, ATTR_INT));
}

/** TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian values). */
function floatTensor(name: string, dims: number[], values: Float32Array): Uint8Array {
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return tensor(name, dims, FLOAT, raw);
}

function int64Tensor(name: string, dims: number[], values: bigint[]): Uint8Array {
  const raw = new Uint8Array(values.length * 8);
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, v, true));
  return tensor(name, dims, INT64, raw);
}

function tensor(name: string, dims: number[], dataType: number, raw: Uint8Array): Uint8Array {
  return concat(...dims.map((d) => fieldVarint(1, d)), fieldVarint(2, dataType), fieldString(8, name), fieldBytes(9, raw));
}

/**
 * ValueInfoProto { name = 1, type = 2: TypeProto { tensor_type = 1: { elem_type = 1, shape = 2: TensorShapeProto {
 * dim = 1: { dim_value = 1 | dim_param = 2 } } } } }. A string dimension is symbolic, a number is fixed.
 */
function valueInfo(name: string, elemType: number, dims: Array<string | number>): Uint8Array {
  const shape = concat(
    ...dims.map((d) => fieldBytes(1, typeof d === 'number' ? fieldVarint(1, d) : fieldString(2, d))),
  );
  const tensorType = concat(fieldVarint(1, elemType), fieldBytes(2, shape));
  return concat(fieldString(1, name), fieldBytes(2, fieldBytes(1, tensorType)));
}

// ---------------------------------------------------------------------------------------------------------------
// A minimal protobuf writer: varint (wire type 0) and length-delimited (wire type 2) fields are all ONNX needs here.

/** Base-128 varint; negative numbers are written as their 64-bit two's complement (10 bytes), as protobuf does. */
function varint(value: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

function fieldVarint(field: number, value: number | bigint): Uint8Array {
  return Uint8Array.from([...varint((field << 3) | 0), ...varint(value)]);
}

function fieldBytes(field: number, bytes: Uint8Array): Uint8Array {
  return concat(Uint8Array.from([...varint((field << 3) | 2), ...varint(bytes.length)]), bytes);
}

function fieldString(field: number, text: string): Uint8Array {
  return fieldBytes(field, new TextEncoder().encode(text));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
