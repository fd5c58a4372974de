#!/usr/bin/env bash
# Snapshot benchmarks (issue: snapshot): prints ratios measured in one run against the simulator's
# generator. Usage: bench/snapshot.sh [RESOURCES=1000000] [GROWTH_RESOURCES=100000] [NIGHTS=30]
# Run it on an otherwise idle machine: the simulator and ocidiff share its cores.
exec "$(dirname "$0")/run.sh" io.github.ocidiff.bench.SnapshotBench "$@"
