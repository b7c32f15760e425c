# Sourced by submit.sh and cluster.sh: the JVM options Spark's own launcher gives every Spark JVM on Java 17+
# (module openings and reflection settings), for the JVMs this project starts without that launcher.
spark_jvm_options=(-Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
for pkg in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
    java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
    sun.security.action sun.util.calendar; do
  spark_jvm_options+=("--add-opens=java.base/$pkg=ALL-UNNAMED")
done
