#!/bin/sh
# Runs the JMH benchmarks in interleaved rounds and writes one JSON file per run to
# results/<label>/. Interleaving (every benchmark once per round, several rounds) spreads
# the load of a shared machine over all benchmarks alike; summarize.py pools the rounds.
#
#   platform/benchmarks/run-benchmarks.sh <label> <rounds> [java] [what]
#   what: all (default) | callpath
# e.g.  platform/benchmarks/run-benchmarks.sh jdk17 3
#       platform/benchmarks/run-benchmarks.sh jdk25 1 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java callpath
set -eu
label=$1
rounds=$2
java=${3:-java}
what=${4:-all}
here=$(cd "$(dirname "$0")" && pwd)
jar=$here/target/benchmarks.jar
out=$here/results/$label
opts="-f 1 -wi 3 -w 1s -i 5 -r 1s"
mkdir -p "$out"
"$java" -version 2>"$out/java-version.txt"
round=1
while [ "$round" -le "$rounds" ]; do
    for t in 1 2; do
        echo "round $round, CallPathBenchmark -t $t: $(uptime)" | tee -a "$out/load.txt"
        "$java" -jar "$jar" CallPathBenchmark $opts -t $t -rf json -rff "$out/callpath-t$t-r$round.json" \
            >"$out/callpath-t$t-r$round.log" 2>&1
    done
    if [ "$what" = all ]; then
        echo "round $round, DistributedCounterBenchmark: $(uptime)" | tee -a "$out/load.txt"
        "$java" -jar "$jar" DistributedCounterBenchmark $opts -rf json -rff "$out/counter-r$round.json" \
            >"$out/counter-r$round.log" 2>&1
    fi
    round=$((round + 1))
done
echo "done: $(uptime)" | tee -a "$out/load.txt"
