package org.glorotsweep.sweep.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-only rule on one local session: every form of query Spark's parser knows is accepted, and each kind
 * of statement that writes, changes the session or runs a program is refused without taking effect.
 */
class ReadOnlyQueriesIT {
  @TempDir static Path temp;
  private static SparkSession spark;

  @BeforeAll
  static void aSessionWithTheTrialsView() {
    spark = SparkSession.builder().master("local[1]").appName("ReadOnlyQueriesIT")
        .config("spark.ui.enabled", "false").getOrCreate();
    spark.sql("SELECT 'smoke' AS sweep, 'a1' AS trial_id, 0.5 AS test_error").createOrReplaceTempView("trials");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void queriesOfEveryFormAreAccepted() {
    List<String> queries = List.of(
        "SELECT sweep, count(*) FROM trials WHERE test_error < 1 GROUP BY sweep HAVING count(*) > 0"
            + " ORDER BY sweep LIMIT 5 OFFSET 0",
        "WITH best AS (SELECT * FROM trials) SELECT * FROM best JOIN trials USING (trial_id)",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r",
        "SELECT * FROM trials WHERE trial_id IN (SELECT trial_id FROM trials)"
            + " AND EXISTS (SELECT 1 FROM trials) AND test_error <= (SELECT max(test_error) FROM trials)",
        "SELECT *, rank() OVER w FROM trials WINDOW w AS (PARTITION BY sweep ORDER BY test_error)",
        "SELECT * FROM trials QUALIFY row_number() OVER (ORDER BY test_error) = 1",
        "SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 2 EXCEPT SELECT 3",
        "VALUES (1, 'a'), (2, 'b')", "TABLE trials", "FROM trials SELECT trial_id",
        "SELECT * FROM range(3) LATERAL VIEW explode(array(1, 2)) e AS x",
        "SELECT * FROM trials, LATERAL (SELECT test_error * 2 AS twice)",
        "SELECT /*+ BROADCAST(trials) */ DISTINCT sweep FROM trials TABLESAMPLE (50 PERCENT)",
        "SELECT * FROM (SELECT sweep, test_error FROM trials) PIVOT (max(test_error) FOR sweep IN ('smoke'))",
        "SELECT * FROM trials UNPIVOT (v FOR k IN (test_error))",
        "SELECT * FROM trials DISTRIBUTE BY sweep SORT BY trial_id",
        "SELECT * FROM trials |> WHERE test_error > 0");
    for (String query : queries) {
      assertDoesNotThrow(() -> ReadOnlyQueries.check(spark, query), query);
    }
  }

  @Test
  void statementsThatWriteChangeTheSessionOrRunProgramsAreRefused() {
    List<String> refused = List.of(
        "INSERT OVERWRITE DIRECTORY '" + temp + "' USING csv SELECT 1",
        "WITH x AS (SELECT 1 AS a) INSERT INTO trials SELECT * FROM x",
        "INSERT INTO trials SELECT * FROM trials",
        "SET spark.sql.shuffle.partitions = 7",
        "CACHE TABLE trials",
        "ADD JAR " + temp.resolve("x.jar"),
        "CREATE TEMPORARY VIEW created AS SELECT 1",
        "CREATE TABLE created (a INT) USING parquet",
        "DROP VIEW trials",
        "EXPLAIN SELECT 1",
        "SELECT TRANSFORM(trial_id) USING 'cat' FROM trials",
        "BEGIN SELECT 1; END",
        "SELECT reflect('java.lang.System', 'setProperty', 'glorot.test', 'set')",
        "SELECT trial_id FROM trials WHERE JAVA_METHOD('java.lang.System', 'getProperty', 'x') IS NULL",
        "SELECT * FROM (SELECT try_reflect('java.lang.System', 'lineSeparator') AS a)");
    for (String statement : refused) {
      QueryException e = assertThrows(QueryException.class, () -> ReadOnlyQueries.check(spark, statement),
          statement);
      assertTrue(e.getMessage().startsWith("sql runs read-only queries (SELECT, WITH, VALUES, TABLE) only;"
          + " refused: "), e::getMessage);
    }
    QueryException several = assertThrows(QueryException.class,
        () -> ReadOnlyQueries.check(spark, "SELECT 1; DROP VIEW trials"));
    assertTrue(several.getMessage().startsWith("[PARSE_SYNTAX_ERROR]"), several::getMessage);
  }

  @Test
  void aRefusedStatementHasNoEffect() throws Exception {
    Path unrelated = Files.createDirectories(temp.resolve("unrelated"));
    Path file = Files.writeString(unrelated.resolve("keep.txt"), "kept");
    QueryRunner runner = new QueryRunner(spark, RowPrinter.Format.TABLE, OptionalInt.of(10));
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    String partitions = spark.conf().get("spark.sql.shuffle.partitions");
    for (String statement : List.of("INSERT OVERWRITE DIRECTORY '" + unrelated + "' USING csv SELECT 1",
        "SET spark.sql.shuffle.partitions = 7", "CACHE TABLE trials", "CREATE TEMPORARY VIEW created AS SELECT 1",
        "DROP VIEW trials")) {
      assertThrows(QueryException.class, () -> runner.run(statement, out), statement);
    }
    assertTrue(Files.exists(file));
    assertEquals(partitions, spark.conf().get("spark.sql.shuffle.partitions"));
    assertFalse(spark.catalog().isCached("trials"));
    assertFalse(spark.catalog().tableExists("created"));
    assertTrue(spark.catalog().tableExists("trials"));
    assertThrows(QueryException.class,
        () -> runner.run("SELECT reflect('java.lang.System', 'setProperty', 'glorot.reflect', 'set')", out));
    assertEquals(null, System.getProperty("glorot.reflect"));
  }
}
