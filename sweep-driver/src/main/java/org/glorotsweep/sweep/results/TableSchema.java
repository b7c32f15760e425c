package org.glorotsweep.sweep.results;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table of a sweep output, stored as Parquet under {@code OUTPUT/<directory>/sweep=<name>/}: its columns,
 * declared once, and the Spark and Parquet schemas derived from them. {@code sweep} is the partition column of
 * every table: it is the directory name, not stored in the files, and comes last in the Spark schema.
 */
public interface TableSchema {

  /** The table's directory under the output location, also its SQL view name. */
  String directory();

  /** The stored columns, in file order (without the partition column). */
  List<Column> columns();

  /** The position of column {@code name} in {@link #columns()}. */
  default int indexOf(String name) {
    List<Column> columns = columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("table " + directory() + " has no column " + name);
  }

  /** The schema Spark reads the table with: the stored columns, then {@code sweep}. */
  default StructType sparkSchema() {
    List<StructField> fields = new ArrayList<>();
    for (Column c : columns()) {
      fields.add(DataTypes.createStructField(c.name(), c.type().sparkType(), c.nullable()));
    }
    fields.add(DataTypes.createStructField(ResultTable.PARTITION_COLUMN, DataTypes.StringType, false));
    return DataTypes.createStructType(fields);
  }

  /** The schema of the table's Parquet files. */
  default MessageType parquetSchema() {
    List<Type> fields = new ArrayList<>();
    for (Column c : columns()) {
      fields.add(c.type().parquetField(c.name(), c.nullable()));
    }
    return new MessageType("glorot_sweep_" + directory(), fields);
  }
}
