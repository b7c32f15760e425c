package org.glorotsweep.sweep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedHaving;
import org.apache.spark.sql.catalyst.analysis.UnresolvedInlineTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedQualify;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedSubqueryColumnAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTVFAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.PipeOperator;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.Distinct;
import org.apache.spark.sql.catalyst.plans.logical.Except;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.Generate;
import org.apache.spark.sql.catalyst.plans.logical.GlobalLimit;
import org.apache.spark.sql.catalyst.plans.logical.Intersect;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LateralJoin;
import org.apache.spark.sql.catalyst.plans.logical.LimitAll;
import org.apache.spark.sql.catalyst.plans.logical.LocalLimit;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Offset;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.Pivot;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.RepartitionByExpression;
import org.apache.spark.sql.catalyst.plans.logical.Sample;
import org.apache.spark.sql.catalyst.plans.logical.Sort;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.Union;
import org.apache.spark.sql.catalyst.plans.logical.Unpivot;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedHint;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.catalyst.plans.logical.WithWindowDefinition;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The read-only rule of the {@code sql} command: a statement runs only if every node of its parsed (unresolved)
 * logical plan, including common table expressions and subqueries inside expressions, is one of the query
 * operators below. Anything else (INSERT, INSERT OVERWRITE DIRECTORY, CREATE VIEW, CACHE, SET, ADD JAR, DROP,
 * SELECT TRANSFORM ... USING a shell command, a SQL script, several statements) is refused before Spark runs
 * it, because {@code spark.sql} executes commands as soon as it is given them.
 *
 * <p>A whitelist of plan nodes, not a keyword blacklist: a statement form a later Spark adds is refused until it
 * is listed here. Inside a query, the functions that call any static Java method by name ({@code reflect},
 * {@code java_method}, {@code try_reflect}) are refused too: through them a SELECT could change the JVM.
 */
final class ReadOnlyQueries {
  /** The plan nodes Spark's parser produces for queries: relational operators and unresolved references. */
  private static final Set<Class<?>> QUERY_NODES = Set.of(
      Project.class, Filter.class, Aggregate.class, UnresolvedHaving.class, UnresolvedQualify.class,
      Sort.class, GlobalLimit.class, LocalLimit.class, LimitAll.class, Offset.class, Distinct.class,
      Join.class, LateralJoin.class, Union.class, Intersect.class, Except.class,
      SubqueryAlias.class, UnresolvedSubqueryColumnAliases.class, UnresolvedWith.class,
      WithWindowDefinition.class, Generate.class, Pivot.class, Unpivot.class, Sample.class,
      RepartitionByExpression.class, UnresolvedHint.class, PipeOperator.class,
      UnresolvedRelation.class, UnresolvedTableValuedFunction.class, UnresolvedTVFAliases.class,
      UnresolvedInlineTable.class, LocalRelation.class, OneRowRelation.class);

  /** Functions that call a static Java method named in the query: not read-only, whatever the plan. */
  private static final Set<String> REFUSED_FUNCTIONS = Set.of("reflect", "java_method", "try_reflect");

  private ReadOnlyQueries() {}

  /**
   * Parses {@code statement} with {@code spark}'s parser and checks that it is a query.
   *
   * @throws QueryException naming the first operation that is not part of a query, or the syntax error
   */
  static void check(SparkSession spark, String statement) throws QueryException {
    LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(statement);
    } catch (ParseException e) {
      throw new QueryException(QueryErrors.firstLine(e));
    }
    List<QueryPlan<?>> pending = new ArrayList<>(List.of(plan));
    while (!pending.isEmpty()) {
      QueryPlan<?> node = pending.remove(pending.size() - 1);
      if (!QUERY_NODES.contains(node.getClass())) {
        throw new QueryException("sql runs read-only queries (SELECT, WITH, VALUES, TABLE) only; refused: "
            + node.nodeName() + " in " + abbreviated(statement));
      }
      for (Expression expression : CollectionConverters.asJava(node.expressions())) {
        refuseCallsOfJavaMethods(expression, statement);
      }
      // children, then the plans hidden in the node: CTE definitions, subqueries in expressions
      pending.addAll(CollectionConverters.asJava(node.children()));
      for (Object inner : CollectionConverters.asJava(node.innerChildren())) {
        if (inner instanceof QueryPlan<?> innerPlan) {
          pending.add(innerPlan);
        }
      }
    }
  }

  private static void refuseCallsOfJavaMethods(Expression root, String statement) throws QueryException {
    List<Expression> pending = new ArrayList<>(List.of(root));
    while (!pending.isEmpty()) {
      Expression expression = pending.remove(pending.size() - 1);
      if (expression instanceof UnresolvedFunction function) {
        String name = function.nameParts().last().toLowerCase(Locale.ROOT);
        if (REFUSED_FUNCTIONS.contains(name)) {
          throw new QueryException("sql runs read-only queries (SELECT, WITH, VALUES, TABLE) only; refused: the"
              + " function " + name + " (it calls Java methods) in " + abbreviated(statement));
        }
      }
      pending.addAll(CollectionConverters.asJava(expression.children()));
    }
  }

  private static String abbreviated(String statement) {
    String oneLine = statement.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? "'" + oneLine + "'" : "'" + oneLine.substring(0, 77) + "...'";
  }
}
