// Usage: node write-duckdb.mjs <file.parquet> <select> [copy options]
// Writes the rows of a SQL SELECT as a Parquet file with DuckDB's own writer (the C++ writer built into
// @duckdb/node-api): an independent producer of dictionary pages, for the tests of the .NET reader.
// Copy options are DuckDB COPY options without parentheses, e.g. "COMPRESSION snappy, ROW_GROUP_SIZE 1000".
import { DuckDBInstance } from '@duckdb/node-api';
import { fail } from './encode-values.mjs';

async function main(path, select, options) {
  if (!path || !select) {
    throw new Error('usage: node write-duckdb.mjs <file.parquet> <select> [copy options]');
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const file = `'${path.replaceAll("'", "''")}'`;
  const extra = options ? `, ${options}` : '';
  await connection.run(`COPY (${select}) TO ${file} (FORMAT parquet${extra})`);
  connection.closeSync();
  instance.closeSync();
}

main(process.argv[2], process.argv[3], process.argv[4]).catch(fail);
