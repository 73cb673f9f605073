// Correctness against an independent engine: the same responses are tallied by this module
// and counted by DuckDB in SQL; every number of every question type, in every segment cell,
// must be exactly equal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sketchQuantile, tally } from './index.js';
import {
  SYNTHETIC_SEGMENTS,
  duckdbColumns,
  flatRow,
  generateResponses,
  referenceQueries,
  referenceSlots,
  syntheticDescriptor,
  tallySlots,
} from './synthetic.test.helper.js';

test('tally equals DuckDB SQL counts for every question type and segment cell', async () => {
  const definition = syntheticDescriptor();
  // High noise rates so unknown values, missing answers and odd shapes all occur often.
  const responses = generateResponses(definition, 6000, { seed: 7, schools: 12, missing: 0.08, unknown: 0.04 });
  const kinds = new Set(definition.questions.map((question) => question.kind));
  assert.deepEqual([...kinds].sort(), ['choice', 'matrix', 'multi', 'numeric', 'ranking', 'text']);

  const dir = mkdtempSync(join(tmpdir(), 'pv-aggregate-'));
  const file = join(dir, 'responses.ndjson');
  writeFileSync(file, responses.map((response) => JSON.stringify(flatRow(response))).join('\n'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `CREATE TABLE responses AS SELECT * FROM read_json('${file.replace(/'/g, "''")}', format = 'newline_delimited', columns = ${duckdbColumns(definition, SYNTHETIC_SEGMENTS, ['legacy_item'])})`,
    );

    for (const segments of [[...SYNTHETIC_SEGMENTS], ['audience'], [], ['q03', 'sex']]) {
      const ours = tally(definition, responses, { segments });
      const reference = new Map<string, number>();
      for (const query of referenceQueries(definition, segments, ['legacy_item'])) {
        const reader = await connection.runAndReadAll(query.sql);
        referenceSlots(query.question, segments.length, reader.getRowsJS(), reference);
      }
      const mine = tallySlots(ours);
      // Both directions, so a number missing on either side fails with its name.
      const missing = [...reference.keys()].filter((key) => !mine.has(key)).slice(0, 5);
      const extra = [...mine.keys()].filter((key) => !reference.has(key)).slice(0, 5);
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `segments [${segments.join(', ')}]`);
      for (const [key, n] of reference) assert.equal(mine.get(key), n, `${key.replace(/\u0000/g, ' | ')}`);
      assert.ok(reference.size > 100, 'the reference produced numbers');
    }

    // Quantiles: the sketch's median is within its 1% relative accuracy of DuckDB's exact one.
    const overall = tally(definition, responses);
    for (const question of overall.questions) {
      if (question.kind !== 'numeric') continue;
      const reader = await connection.runAndReadAll(
        `SELECT quantile_disc(TRY_CAST("${question.name}" AS DOUBLE), 0.5) FROM responses`,
      );
      const exact = Number(reader.getRowsJS()[0]?.[0]);
      const cell = question.cells['[]'];
      assert.ok(cell);
      const estimate = sketchQuantile(cell.sketch, 0.5) as number;
      assert.ok(Math.abs(estimate - exact) <= 0.0101 * Math.abs(exact) + 1e-9, `${question.name}: ${estimate} vs ${exact}`);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
});
