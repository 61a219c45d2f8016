# Negative fixture of the rule jvm-options (deploy/kubernetes/check, "JVM Dockerfiles"): an image whose java command
# drifted from deploy/images/jvm-options, which the startup benchmark measures: G1 and a bigger heap here, so the
# benchmark's figures would no longer be this image's.
# expect: jvm-options
FROM eclipse-temurin:25.0.3_9-jre-noble

# deploy/images/jvm-options, joined by spaces (deploy/kubernetes/check fails when they differ). The heap: -Xmx128m
# here, raised per environment by JAVA_OPTS=-Xmx... (deploy/kubernetes/overlays/*/environment.env), which comes
# later on the command line and wins; heap + the measured non-heap + 10 % must fit the memory limit (checked there).
ENV LANG=C.UTF-8 \
    AOT_CACHE=/deployments/app.aot \
    JVM_OPTIONS="-Xmx256m -Xms32m -Xss512k -XX:+UseG1GC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager"

# A fixed numeric non-root user, so Kubernetes' runAsNonRoot can verify it without a name lookup.
RUN groupadd --system --gid 10001 limber \
 && useradd --system --uid 10001 --gid limber --home-dir /deployments --shell /usr/sbin/nologin limber \
 && mkdir -p /deployments \
 && chown limber:limber /deployments

WORKDIR /deployments
COPY --chown=10001:10001 target/quarkus-app/lib/ /deployments/lib/
COPY --chown=10001:10001 target/quarkus-app/quarkus/ /deployments/quarkus/
COPY --chown=10001:10001 target/quarkus-app/app/ /deployments/app/
COPY --chown=10001:10001 target/quarkus-app/*.jar /deployments/

USER 10001:10001

# The training run (see the top), as the user the image runs as, on the ports given (the build shares the host's
# network). POSIX sh (podman builds OCI images, which have no SHELL); bash only for its /dev/tcp, as the image has
# no HTTP client.
ARG TRAINING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092
ARG TRAINING_DB_HOST=
ARG TRAINING_DB_PORT=5432
ARG TRAINING_DB_NAME=reminder
ARG TRAINING_DB_USER=reminder
ARG TRAINING_DB_PASSWORD=
ARG TRAINING_HTTP_PORT=18083
ARG TRAINING_MANAGEMENT_PORT=19083
RUN [ -n "$TRAINING_DB_HOST" ] || { echo "training run: give --build-arg TRAINING_DB_HOST=... (see the top of this file)" >&2; exit 1; }; \
    start=$(date +%s%N); \
    QUARKUS_HTTP_PORT=$TRAINING_HTTP_PORT QUARKUS_MANAGEMENT_PORT=$TRAINING_MANAGEMENT_PORT \
    KAFKA_BOOTSTRAP_SERVERS=$TRAINING_KAFKA_BOOTSTRAP_SERVERS DB_HOST=$TRAINING_DB_HOST DB_PORT=$TRAINING_DB_PORT \
    DB_NAME=$TRAINING_DB_NAME DB_USER=$TRAINING_DB_USER DB_PASSWORD=$TRAINING_DB_PASSWORD \
    JWT_PUBLIC_KEY_LOCATION=/deployments/no-token-is-verified-in-training.pem \
      java -XX:AOTCacheOutput=$AOT_CACHE $JVM_OPTIONS -jar /deployments/quarkus-run.jar >/tmp/training.log 2>&1 & \
    pid=$!; ready=""; \
    for i in $(seq 600); do \
      if bash -c 'exec 3<>/dev/tcp/127.0.0.1/$0 && printf "GET /q/health/ready HTTP/1.0\r\n\r\n" >&3 && head -1 <&3 | grep -q " 200 "' \
          "$TRAINING_MANAGEMENT_PORT" 2>/dev/null; then ready=$(( ($(date +%s%N) - start) / 1000000 )); break; fi; \
      kill -0 $pid 2>/dev/null || break; sleep 0.2; \
    done; \
    kill -TERM $pid 2>/dev/null; wait $pid; \
    if [ -z "$ready" ] || [ ! -s "$AOT_CACHE" ]; then grep -v "^\[.*\]\[warning\]\[aot" /tmp/training.log | tail -40; echo "training run failed: ready '$ready' ms, cache:" >&2; ls -l "$AOT_CACHE" >&2; exit 1; fi; \
    java -XX:AOTCache=$AOT_CACHE $JVM_OPTIONS -XX:+PrintSharedArchiveAndExit -jar /deployments/quarkus-run.jar | tail -1 | grep -qx 'archive is valid' \
      || { echo "the image's java command does not accept $AOT_CACHE" >&2; exit 1; }; \
    echo "training run: ready after $ready ms; AOT cache $(( $(stat -c %s "$AOT_CACHE") / 1048576 )) MiB, valid for the image's java command"; \
    rm -rf /tmp/* /deployments/*.aot.config

EXPOSE 8083 9083

# Runs with a read-only root file system: only /tmp (an emptyDir in Kubernetes) is written.
ENTRYPOINT ["sh", "-c", "exec java -XX:AOTCache=$AOT_CACHE $JVM_OPTIONS $JAVA_OPTS -jar /deployments/quarkus-run.jar"]
