#!/usr/bin/env bash
# Many small compartments (the crawl's shared queries): a first night, whose scopes, never counted, share queries as
# probes, and the second, where scopes that held under 100 resources share queries; prints both nights' time and
# requests against the scopes' count, measured in one run. Usage: bench/compartments.sh [RESOURCES=20000] [DEPTH=3] [WIDTH=8] [LATENCY_MS=200] [EXCLUDE]
# (the generator's compartment tree: WIDTH children a compartment, DEPTH levels; 3 and 8 make 585 compartments;
# EXCLUDE, e.g. prod/network, a compartment the configuration leaves out with its subtree).
# OCIDIFF_BUILD_DIR (default target) is the build folder, as -Docidiff.buildDir gives it to Maven.
exec "$(dirname "$0")/run.sh" io.github.ocidiff.bench.CompartmentsBench "$@"
