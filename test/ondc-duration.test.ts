import t from 'tap';
import { durationMs, isIsoDuration, isoDuration } from '../src/ondc/duration.js';

t.test('durations as ONDC writes them', async (t) => {
  t.equal(durationMs('PT45M'), 45 * 60_000);
  t.equal(durationMs('PT3H45M'), 225 * 60_000);
  t.equal(durationMs('P1D'), 86_400_000);
  t.equal(durationMs('P1W'), 7 * 86_400_000);
  t.equal(durationMs('P0D'), 0);
  t.equal(durationMs('PT1.5S'), 1500);
  t.equal(durationMs('P1M'), null, 'months depend on the calendar');
  for (const bad of ['P', 'PT', '45M', 'P1DT', 'PT-5M', '']) {
    t.equal(isIsoDuration(bad), false, `${JSON.stringify(bad)} is not a duration`);
    t.equal(durationMs(bad), null);
  }
  t.equal(isIsoDuration('P1Y2M'), true);
});

t.test('minutes back to a duration', async (t) => {
  t.equal(isoDuration(225), 'PT3H45M');
  t.equal(isoDuration(1440), 'P1D');
  t.equal(isoDuration(1530), 'P1DT1H30M');
  t.equal(isoDuration(0), 'PT0M');
  t.equal(durationMs(isoDuration(75)), 75 * 60_000);
});
