# Sourced by submit.sh, cluster.sh and bench.sh: what the project's JVMs are started with, in one place. The
# parent POM carries the same flags for the test JVMs (its vector.api.flag and spark.test.jvm.flags properties)
# and names the jar; LaunchSettingsTest fails when the two disagree.

# The repository root, whatever directory the sourcing script runs from.
project_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The shaded application jar (sweep-driver's "app" classifier) and Spark's own jars, copied by `mvn package`.
app_jar="$project_root/sweep-driver/target/sweep-driver-0.1.0-SNAPSHOT-app.jar"
spark_home="$project_root/sweep-driver/target/spark-home"

# The java the scripts start: $JAVA_HOME/bin/java when JAVA_HOME is set, else the one on PATH. Any JDK from 17
# on runs the project (it is compiled for 17); a standalone worker started by cluster.sh starts its executors
# on the java it runs on.
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# The JVM flag the fast (Vector API) kernels need; without it trials fall back to EJML's kernels.
vector_api_flag=--add-modules=jdk.incubator.vector

# The JVM options Spark's own launcher gives every Spark JVM on Java 17+ (module openings and reflection
# settings), for the JVMs this project starts without that launcher.
spark_jvm_options=()
for pkg in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
    java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
    sun.security.action sun.util.calendar; do
  spark_jvm_options+=("--add-opens=java.base/$pkg=ALL-UNNAMED")
done
spark_jvm_options+=(-Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
