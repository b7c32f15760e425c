package org.glorotsweep.sweep.results;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The value types result columns use, each with its Spark SQL type and its Parquet encoding. Arrays use
 * Parquet's standard three-level LIST layout, which Spark reads as {@code array<...>}.
 */
public enum ColumnType {
  /** UTF-8 text. */
  STRING(DataTypes.StringType, PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType()),
  /** 32-bit integer. */
  INT(DataTypes.IntegerType, PrimitiveTypeName.INT32, null),
  /** 64-bit integer. */
  LONG(DataTypes.LongType, PrimitiveTypeName.INT64, null),
  /** IEEE double. */
  DOUBLE(DataTypes.DoubleType, PrimitiveTypeName.DOUBLE, null),
  /** true / false. */
  BOOLEAN(DataTypes.BooleanType, PrimitiveTypeName.BOOLEAN, null),
  /** An instant, microseconds since 1970-01-01T00:00:00Z (a {@link java.time.Instant} when written). */
  TIMESTAMP(DataTypes.TimestampType, PrimitiveTypeName.INT64,
      LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)),
  /** A list of 32-bit integers. */
  INT_ARRAY(DataTypes.createArrayType(DataTypes.IntegerType, false), PrimitiveTypeName.INT32, null),
  /** A list of 64-bit integers. */
  LONG_ARRAY(DataTypes.createArrayType(DataTypes.LongType, false), PrimitiveTypeName.INT64, null);

  private final DataType sparkType;
  private final PrimitiveTypeName parquetElement;
  private final LogicalTypeAnnotation annotation;

  ColumnType(DataType sparkType, PrimitiveTypeName parquetElement, LogicalTypeAnnotation annotation) {
    this.sparkType = sparkType;
    this.parquetElement = parquetElement;
    this.annotation = annotation;
  }

  /** The Spark SQL type. */
  public DataType sparkType() {
    return sparkType;
  }

  /** Whether values are lists. */
  public boolean isArray() {
    return this == INT_ARRAY || this == LONG_ARRAY;
  }

  /** The Parquet primitive type of a value or of a list element. */
  PrimitiveTypeName parquetElement() {
    return parquetElement;
  }

  /** The Parquet field for a column of this type. */
  Type parquetField(String name, boolean nullable) {
    if (isArray()) {
      return Types.buildGroup(nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED)
          .as(LogicalTypeAnnotation.listType())
          .repeatedGroup()
          .required(parquetElement)
          .named("element")
          .named("list")
          .named(name);
    }
    return Types.primitive(parquetElement, nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED)
        .as(annotation)
        .named(name);
  }
}
