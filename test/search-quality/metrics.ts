/**
 * Ranking metrics for the judged query set.
 *
 * - recall@k: relevant (grade >= 1) results in the top k, divided by min(k, relevant products in the
 *   catalog), so a query with 40 relevant products is not punished for showing only 10.
 * - nDCG@k: graded gains 2^grade - 1 with a log2(rank + 1) discount, normalised by the ideal ranking
 *   of the whole catalog's grades for that query.
 * - For `expectNone` queries neither applies; they report how many results came back at all
 *   (`noise10` = hits in the top 10 / 10; 0 is the ideal "nothing here" answer).
 */
import type { Product } from '../../src/core/catalog.js';
import type { Grade, JudgedQuery, QueryGroup } from './queries.js';

export const K = 10;

export function gain(grade: number): number {
  return 2 ** grade - 1;
}

/** Discounted cumulative gain of the first k grades, in rank order. */
export function dcgAtK(grades: readonly number[], k = K): number {
  let sum = 0;
  grades.slice(0, k).forEach((g, i) => {
    sum += gain(g) / Math.log2(i + 2);
  });
  return sum;
}

/** nDCG@k of `returned` (grades in rank order) against every grade the query has in the catalog; null when nothing is relevant. */
export function ndcgAtK(returned: readonly number[], catalogGrades: readonly number[], k = K): number | null {
  const ideal = dcgAtK([...catalogGrades].filter((g) => g > 0).sort((a, b) => b - a), k);
  if (ideal === 0) return null;
  return dcgAtK(returned, k) / ideal;
}

/** recall@k with relevant = grade >= 1, capped by min(k, relevantTotal); null when nothing is relevant. */
export function recallAtK(returned: readonly number[], relevantTotal: number, k = K): number | null {
  if (relevantTotal === 0) return null;
  const found = returned.slice(0, k).filter((g) => g >= 1).length;
  return found / Math.min(k, relevantTotal);
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export interface ReturnedItem {
  id: string;
  name: string;
  grade: Grade;
}

export interface QueryEvaluation {
  id: string;
  text: string;
  group: QueryGroup;
  expectNone: boolean;
  /** Catalog products graded >= 1 and == 2 for this query. */
  relevantTotal: number;
  exactTotal: number;
  /** What the search returned, in rank order, with the judged grade. */
  returned: ReturnedItem[];
  /** Total hits the search reported (all pages). */
  totalHits: number;
  recall10: number | null;
  ndcg10: number | null;
  /** For expectNone queries: share of the top-10 slots filled with (necessarily irrelevant) results. */
  noise10: number | null;
}

/** Grades every catalog product for the query once; reuse it across runs of the same catalog. */
export function catalogGrades(query: JudgedQuery, catalog: readonly Product[]): Map<string, Grade> {
  const grades = new Map<string, Grade>();
  for (const p of catalog) grades.set(p.id, query.judge(p));
  return grades;
}

export function evaluateQuery(
  query: JudgedQuery,
  hits: readonly Product[],
  totalHits: number,
  grades: ReadonlyMap<string, Grade>,
): QueryEvaluation {
  const all = [...grades.values()];
  const relevantTotal = all.filter((g) => g >= 1).length;
  const exactTotal = all.filter((g) => g === 2).length;
  // A product missing from the judged catalog cannot be relevant: grade it 0 rather than crash.
  const returned = hits.slice(0, K).map((p) => ({ id: p.id, name: p.name, grade: grades.get(p.id) ?? query.judge(p) }));
  const returnedGrades = returned.map((r) => r.grade);
  const expectNone = query.expectNone === true;
  return {
    id: query.id,
    text: query.text,
    group: query.group,
    expectNone,
    relevantTotal,
    exactTotal,
    returned,
    totalHits,
    recall10: expectNone ? null : recallAtK(returnedGrades, relevantTotal),
    ndcg10: expectNone ? null : ndcgAtK(returnedGrades, all),
    noise10: expectNone ? returned.length / K : null,
  };
}

export interface Aggregate {
  queries: number;
  recall10: number;
  ndcg10: number;
}

export interface Summary {
  overall: Aggregate;
  byGroup: Map<QueryGroup, Aggregate>;
  /** The expectNone queries: how many, how many came back empty, mean share of top-10 filled. */
  empty: { queries: number; silent: number; noise10: number };
}

function aggregate(evals: readonly QueryEvaluation[]): Aggregate {
  const judged = evals.filter((e) => e.recall10 !== null && e.ndcg10 !== null);
  return {
    queries: judged.length,
    recall10: mean(judged.map((e) => e.recall10 as number)),
    ndcg10: mean(judged.map((e) => e.ndcg10 as number)),
  };
}

export function summarize(evals: readonly QueryEvaluation[]): Summary {
  const byGroup = new Map<QueryGroup, Aggregate>();
  const groups = [...new Set(evals.filter((e) => !e.expectNone).map((e) => e.group))];
  for (const g of groups) byGroup.set(g, aggregate(evals.filter((e) => e.group === g)));
  const empties = evals.filter((e) => e.expectNone);
  return {
    overall: aggregate(evals),
    byGroup,
    empty: {
      queries: empties.length,
      silent: empties.filter((e) => e.returned.length === 0).length,
      noise10: mean(empties.map((e) => e.noise10 ?? 0)),
    },
  };
}

/** The judged queries that did worst: lowest nDCG@10, then lowest recall@10, then by id. */
export function worstQueries(evals: readonly QueryEvaluation[], n = 10): QueryEvaluation[] {
  return evals
    .filter((e) => e.ndcg10 !== null)
    .sort((a, b) => (a.ndcg10 as number) - (b.ndcg10 as number) || (a.recall10 as number) - (b.recall10 as number) || a.id.localeCompare(b.id))
    .slice(0, n);
}

const f3 = (x: number | null): string => (x === null || Number.isNaN(x) ? '  -  ' : x.toFixed(3));

/** A fixed-width table: overall, then one row per group, then the expectNone line. */
export function formatSummary(summary: Summary): string[] {
  const row = (label: string, a: Aggregate) => `${label.padEnd(11)} ${String(a.queries).padStart(3)}  ${f3(a.recall10)}      ${f3(a.ndcg10)}`;
  const lines = ['group         n  recall@10  nDCG@10', row('overall', summary.overall)];
  for (const [group, a] of summary.byGroup) lines.push(row(group, a));
  const e = summary.empty;
  lines.push(`expectNone  ${String(e.queries).padStart(3)}  came back empty: ${e.silent}/${e.queries}, mean top-10 filled: ${f3(e.noise10)}`);
  return lines;
}

/** One query, its scores and what came back: `top` results with grades. */
export function describeQuery(e: QueryEvaluation, top = 5): string[] {
  const head = e.expectNone
    ? `"${e.text}" [${e.group}] expectNone, ${e.totalHits} hits`
    : `"${e.text}" [${e.group}] recall@10 ${f3(e.recall10).trim()} nDCG@10 ${f3(e.ndcg10).trim()} (relevant ${e.relevantTotal}, exact ${e.exactTotal}, hits ${e.totalHits})`;
  const items = e.returned.slice(0, top).map((r, i) => `    ${i + 1}. [${r.grade}] ${r.name}`);
  return [head, ...(items.length > 0 ? items : ['    (no results)'])];
}
