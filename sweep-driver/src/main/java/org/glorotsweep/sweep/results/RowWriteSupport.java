package org.glorotsweep.sweep.results;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes rows of a {@link TableSchema}, each an {@code Object[]} with one value per column in column order
 * ({@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Boolean}, {@code int[]} or
 * {@code long[]}; null for an empty optional column), to Parquet's record consumer.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {
  private final TableSchema table;
  private RecordConsumer consumer;

  RowWriteSupport(TableSchema table) {
    this.table = table;
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(table.parquetSchema(), new HashMap<>());
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(Object[] row) {
    List<Column> columns = table.columns();
    if (row.length != columns.size()) {
      throw new IllegalArgumentException(
          table.directory() + " rows have " + columns.size() + " values, got " + row.length);
    }
    consumer.startMessage();
    for (int i = 0; i < row.length; i++) {
      Column column = columns.get(i);
      if (row[i] == null) {
        if (!column.nullable()) {
          throw new IllegalArgumentException(table.directory() + "." + column.name() + " must not be null");
        }
        continue;
      }
      consumer.startField(column.name(), i);
      if (column.type().isArray()) {
        writeList(row[i]);
      } else {
        writeValue(row[i]);
      }
      consumer.endField(column.name(), i);
    }
    consumer.endMessage();
  }

  // <name> (LIST) { repeated group list { required <type> element; } }
  private void writeList(Object values) {
    consumer.startGroup();
    long[] elements = values instanceof int[] ints ? widen(ints) : (long[]) values;
    if (elements.length > 0) {
      consumer.startField("list", 0);
      boolean ints = values instanceof int[];
      for (long element : elements) {
        consumer.startGroup();
        consumer.startField("element", 0);
        if (ints) {
          consumer.addInteger((int) element);
        } else {
          consumer.addLong(element);
        }
        consumer.endField("element", 0);
        consumer.endGroup();
      }
      consumer.endField("list", 0);
    }
    consumer.endGroup();
  }

  private void writeValue(Object value) {
    if (value instanceof String s) {
      consumer.addBinary(Binary.fromString(s));
    } else if (value instanceof Integer n) {
      consumer.addInteger(n);
    } else if (value instanceof Long n) {
      consumer.addLong(n);
    } else if (value instanceof Double d) {
      consumer.addDouble(d);
    } else if (value instanceof Boolean b) {
      consumer.addBoolean(b);
    } else if (value instanceof Instant t) {
      consumer.addLong(ChronoUnit.MICROS.between(Instant.EPOCH, t));
    } else {
      throw new IllegalArgumentException("unsupported value type " + value.getClass().getName());
    }
  }

  private static long[] widen(int[] values) {
    long[] wide = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }
}
