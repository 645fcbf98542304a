// Usage: node read-hyparquet.mjs <file.parquet>
// Prints {reader, columns, rowCount, data (column-major), keyValueMetadata, chunks} as JSON on stdout,
// everything as hyparquet (a pure JavaScript Parquet reader) sees it.
import { readFile } from 'node:fs/promises';
import { parquetMetadata, parquetRead } from 'hyparquet';
import { encodeValue, fail } from './encode-values.mjs';

async function main(path) {
  const bytes = await readFile(path);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const metadata = parquetMetadata(file);
  const leaves = metadata.schema.slice(1);
  const columns = leaves.map((element) => ({
    name: element.name,
    physicalType: element.type ?? null,
    convertedType: element.converted_type ?? null,
    logicalType: element.logical_type?.type ?? null,
    repetition: element.repetition_type ?? null,
  }));

  let rows = [];
  await parquetRead({ file, metadata, onComplete: (result) => { rows = result; } });
  const data = columns.map((_, c) => rows.map((row) => encodeValue(row[c])));

  const keyValueMetadata = (metadata.key_value_metadata ?? []).map(({ key, value }) => ({ key, value }));

  const chunks = metadata.row_groups.flatMap((rowGroup, g) => rowGroup.columns.map((chunk) => {
    const meta = chunk.meta_data;
    const stats = meta.statistics ?? {};
    return {
      row_group_id: String(g),
      row_group_num_rows: encodeValue(rowGroup.num_rows),
      path_in_schema: meta.path_in_schema.join('.'),
      type: meta.type,
      compression: meta.codec,
      encodings: meta.encodings.join(','),
      num_values: encodeValue(meta.num_values),
      total_compressed_size: encodeValue(meta.total_compressed_size),
      total_uncompressed_size: encodeValue(meta.total_uncompressed_size),
      data_page_offset: encodeValue(meta.data_page_offset),
      stats_null_count: encodeValue(stats.null_count),
      stats_min_value: encodeValue(stats.min_value),
      stats_max_value: encodeValue(stats.max_value),
    };
  }));

  return {
    reader: 'hyparquet',
    columns,
    rowCount: Number(metadata.num_rows),
    data,
    keyValueMetadata,
    chunks,
    createdBy: metadata.created_by ?? null,
  };
}

main(process.argv[2])
  .then((result) => process.stdout.write(JSON.stringify(result)))
  .catch(fail);
