/**
 * Search quality yardstick: the judged query set in test/search-quality/queries.ts run through the
 * embedded product index over the deterministic sandbox catalog. Prints a per-group table and the worst
 * queries, and fails if mean recall@10 or nDCG@10 drops below THRESHOLDS (which are never lowered).
 */
import t from 'tap';
import { generateCatalog } from '../src/sandbox/catalog/index.js';
import { EmbeddedCatalogIndex } from '../src/search/embedded-index.js';
import { hashEmbedder } from './helpers/hash-embedder.js';
import {
  catalogGrades,
  describeQuery,
  evaluateQuery,
  formatSummary,
  K,
  ndcgAtK,
  recallAtK,
  summarize,
  worstQueries,
  type QueryEvaluation,
} from './search-quality/metrics.js';
import { GROUPS, HYBRID_HASH_THRESHOLDS, QDRANT_KEYWORD_THRESHOLDS, QUERIES, THRESHOLDS } from './search-quality/queries.js';
import type { CatalogIndex } from '../src/core/ports.js';
import { QdrantCatalogIndex } from '../src/search/qdrant-index.js';
import { startQdrantStandIn } from './helpers/qdrant-standin.js';

const catalog = generateCatalog({ seed: 1, productsPerProvider: 300 });
const grades = new Map(QUERIES.map((q) => [q.id, catalogGrades(q, catalog.products)]));

t.test('the metrics compute what they claim', async (t) => {
  t.equal(recallAtK([1, 0, 2], 2), 1, 'both relevant products found');
  t.equal(recallAtK([1, 0, 2], 20), 0.2, 'capped by k: 2 of 10 possible');
  t.equal(recallAtK([0, 0], 0), null, 'no relevant products: undefined');
  t.equal(ndcgAtK([2, 1, 0], [0, 1, 2, 0]), 1, 'ideal order scores 1');
  // gain 2^2-1 = 3 at rank 2 (discount log2 3) against 3 at rank 1
  t.ok(Math.abs((ndcgAtK([0, 2], [2]) ?? 0) - 1 / Math.log2(3)) < 1e-12, 'one rank down costs log2(3)');
  // (1 + 3/log2 3) / (3 + 1/log2 3): a substitute ahead of the exact answer
  const swapped = (1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3));
  t.ok(Math.abs((ndcgAtK([1, 2], [2, 1]) ?? 0) - swapped) < 1e-12, 'graded gains reward 2 over 1');
  t.equal(ndcgAtK([0], [0, 0]), null, 'nothing relevant: undefined');
});

t.test('the judged query set is well formed', async (t) => {
  t.ok(QUERIES.length >= 70, `${QUERIES.length} queries (at least 70)`);
  const ids = QUERIES.map((q) => q.id);
  t.same(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'query ids are unique');
  const texts = QUERIES.map((q) => q.text.toLowerCase());
  t.same(texts.filter((x, i) => texts.indexOf(x) !== i), [], 'query texts are unique');
  for (const group of GROUPS) t.ok(QUERIES.some((q) => q.group === group), `group ${group} has queries`);

  for (const q of QUERIES) {
    const relevant = [...(grades.get(q.id) ?? new Map()).values()].filter((g) => g >= 1).length;
    if (q.expectNone) t.equal(relevant, 0, `"${q.text}" expects nothing and nothing in the catalog is relevant`);
    else t.ok(relevant > 0, `"${q.text}" has at least one relevant product (${relevant})`);
  }
});

async function evaluate(index: CatalogIndex) {
  const evals: QueryEvaluation[] = [];
  for (const q of QUERIES) {
    const result = await index.search({ text: q.text, limit: K, page: 1 });
    const judged = grades.get(q.id);
    if (!judged) throw new Error(`no grades for ${q.id}`);
    evals.push(evaluateQuery(q, result.hits.map((h) => h.product), result.total, judged));
  }
  return { evals, summary: summarize(evals) };
}

/**
 * Keyword only, and hybrid with the deterministic hash embedder (spelling, not meaning). No pretrained model can
 * be had on this machine, so the hybrid run bounds what fusing a vector side that knows no meaning costs;
 * it does not measure what a sentence model adds.
 */
const FLOORS = { keyword: THRESHOLDS, hybrid: HYBRID_HASH_THRESHOLDS, 'qdrant keyword': QDRANT_KEYWORD_THRESHOLDS };
for (const mode of ['keyword', 'hybrid', 'qdrant keyword'] as const) {
  t.test(`search quality over the judged query set: ${mode}`, async (t) => {
    const started = performance.now();
    let index: CatalogIndex = new EmbeddedCatalogIndex();
    if (mode === 'qdrant keyword') {
      const standin = await startQdrantStandIn();
      t.teardown(() => standin.close());
      index = new QdrantCatalogIndex({ url: standin.url, alias: 'products' });
    }
    await index.load(catalog);
    if (mode === 'hybrid') await index.attachEmbedder(hashEmbedder());
    t.equal((await index.status()).retrieval, mode === 'hybrid' ? 'hybrid' : 'keyword', `the index answers in ${mode} mode`);
    const { evals, summary } = await evaluate(index);
    const floor = FLOORS[mode];

    for (const line of formatSummary(summary)) t.comment(line);
    t.comment('');
    t.comment('worst queries by nDCG@10:');
    for (const e of worstQueries(evals, 10)) for (const line of describeQuery(e, 3)) t.comment(line);
    t.comment('');
    t.comment('expectNone queries:');
    for (const e of evals.filter((x) => x.expectNone)) for (const line of describeQuery(e, 2)) t.comment(line);
    t.comment(`evaluated ${evals.length} queries in ${Math.round(performance.now() - started)} ms`);

    t.ok(
      summary.overall.recall10 >= floor.recall10,
      `${mode}: mean recall@10 ${summary.overall.recall10.toFixed(4)} >= ${floor.recall10}`,
    );
    t.ok(summary.overall.ndcg10 >= floor.ndcg10, `${mode}: mean nDCG@10 ${summary.overall.ndcg10.toFixed(4)} >= ${floor.ndcg10}`);
  });
}
