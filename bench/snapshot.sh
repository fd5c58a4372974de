#!/usr/bin/env bash
# Snapshot benchmarks (issue: snapshot): prints ratios measured in one run against the simulator's
# generator. Usage: bench/snapshot.sh [RESOURCES=1000000] [GROWTH_RESOURCES=100000] [NIGHTS=30]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package test-compile
cp=$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java -Xmx1g -cp "target/ocidiff.jar:target/test-classes:$cp" io.github.ocidiff.bench.SnapshotBench "$@"
