#!/usr/bin/env bash
# What a night of mass change asks of the heap: the simulator's generator with CHURN of its resources changed from
# one day to the next; the second day's `daily` (Audit read, evidence kept, reports written) and the pair's
# `evidence` pack, each under -Xmx{HEAP_MB}m; prints the changes, each run's time and the largest heap after a full
# collection, per change. Usage: bench/masschange.sh [RESOURCES=230000] [CHURN=0.5] [HEAP_MB=512]
# OCIDIFF_BUILD_DIR (default target) is the build folder, as -Docidiff.buildDir gives it to Maven.
exec "$(dirname "$0")/run.sh" io.github.ocidiff.bench.MassChangeBench "$@"
