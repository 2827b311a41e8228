/**
 * `ondc-shop ingest`: pull every catalog from the network (the sandbox by default) and build the configured
 * product index from it in full, embeddings included, with a progress bar on stderr and a closing rate figure.
 * Against Qdrant the new catalog goes into a fresh collection and the alias moves only when it is complete.
 */
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { LoadProgress } from './core/ports.js';
import { configuredIndex, createRuntime } from './deps.js';
import { embedderDisabled, openEmbedder } from './search/embedders/index.js';

const BAR_WIDTH = 30;

/** A one-line progress bar on a terminal; plain lines at every tenth elsewhere (CI logs, pipes). */
export function progressPrinter(out: NodeJS.WriteStream = process.stderr): (p: LoadProgress) => void {
  const started = new Map<string, number>();
  let lastTenth = -1;
  let lastStage = '';
  return (p) => {
    if (!started.has(p.stage)) started.set(p.stage, performance.now());
    const seconds = (performance.now() - (started.get(p.stage) as number)) / 1000;
    const rate = seconds > 0.05 ? Math.round(p.done / seconds) : 0;
    const share = p.total === 0 ? 1 : p.done / p.total;
    const line = `${p.stage.padEnd(7)} ${p.done}/${p.total}${rate > 0 ? ` (${rate}/s)` : ''}`;
    if (out.isTTY) {
      const filled = Math.round(share * BAR_WIDTH);
      out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${line}   `);
      if (p.done >= p.total) out.write('\n');
      return;
    }
    const tenth = Math.floor(share * 10);
    if (p.stage !== lastStage) lastTenth = -1;
    lastStage = p.stage;
    if (tenth > lastTenth) {
      lastTenth = tenth;
      out.write(`${line}\n`);
    }
  };
}

export async function ingestCommand(config: Config, log: Logger): Promise<number> {
  const index = configuredIndex(config);
  const off = embedderDisabled(config);
  if (off) {
    process.stderr.write(`${off}\n`);
  } else {
    try {
      const embedder = await openEmbedder(config);
      await index.attachEmbedder(embedder);
      process.stderr.write(`embedder ${embedder.id}\n`);
    } catch (err) {
      process.stderr.write(`no embedder, indexing keywords only: ${(err as Error).message}\n`);
    }
  }
  const started = performance.now();
  const runtime = await createRuntime({ ...config, CATALOG_REFRESH_MINUTES: 0 }, log, {
    catalog: index,
    fullLoad: true,
    onLoadProgress: progressPrinter(),
  });
  try {
    const report = await runtime.connect();
    const seconds = (performance.now() - started) / 1000;
    const status = await index.status();
    const products = report.catalog.products.length;
    process.stdout.write(
      `${JSON.stringify({
        products,
        providers: report.catalog.providers.length,
        sellers: `${report.sellersAnswered}/${report.sellersExpected}`,
        problems: report.problems.length,
        seconds: Number(seconds.toFixed(2)),
        products_per_second: Math.round(products / seconds),
        index: status,
      })}\n`,
    );
    return products > 0 ? 0 : 1;
  } finally {
    await runtime.close();
  }
}
