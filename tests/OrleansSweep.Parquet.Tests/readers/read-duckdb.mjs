// Usage: node read-duckdb.mjs <file.parquet>
// Prints {reader, columns, rowCount, data (column-major), keyValueMetadata, chunks} as JSON on stdout,
// everything as DuckDB (the C++ Parquet reader built into @duckdb/node-api) sees it.
import { DuckDBInstance } from '@duckdb/node-api';
import { encodeRecord, encodeValue, fail } from './encode-values.mjs';

async function main(path) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const file = `'${path.replaceAll("'", "''")}'`;
  const query = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS();

  const schema = await query(
    `SELECT name, type, converted_type, logical_type, repetition_type, num_children FROM parquet_schema(${file})`);
  const sqlTypes = await query(`DESCRIBE SELECT * FROM read_parquet(${file})`);
  const leaves = schema.filter((element) => element.num_children === null || element.num_children === 0n);
  const columns = leaves.map((element, i) => ({
    name: element.name,
    physicalType: element.type,
    convertedType: element.converted_type,
    logicalType: element.logical_type,
    repetition: element.repetition_type,
    sqlType: sqlTypes[i]?.column_type ?? null,
  }));

  const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet(${file})`);
  // With no rows DuckDB returns no column arrays at all; keep one (empty) array per column.
  const columnsJS = reader.getColumnsJS();
  const data = columns.map((_, c) => (columnsJS[c] ?? []).map(encodeValue));
  const rowCount = reader.currentRowCount;

  const keyValueMetadata = (await query(
    `SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${file})`));

  const chunks = (await query(
    `SELECT row_group_id, row_group_num_rows, row_group_bytes, column_id, file_offset, num_values, path_in_schema,
            type, stats_min, stats_max, stats_null_count, stats_min_value, stats_max_value, compression, encodings,
            data_page_offset, total_compressed_size, total_uncompressed_size
       FROM parquet_metadata(${file}) ORDER BY row_group_id, column_id`)).map(encodeRecord);
  const [fileMetadata] = await query(`SELECT created_by FROM parquet_file_metadata(${file})`);

  connection.closeSync();
  instance.closeSync();
  return { reader: 'duckdb', columns, rowCount, data, keyValueMetadata, chunks, createdBy: fileMetadata.created_by };
}

main(process.argv[2])
  .then((result) => process.stdout.write(JSON.stringify(result)))
  .catch(fail);
