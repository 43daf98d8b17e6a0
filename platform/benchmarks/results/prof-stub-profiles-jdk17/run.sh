#!/bin/bash
# usage: run.sh tag scenario mode roundtrips [extra jvm flags...]
tag=$1; sc=$2; mode=$3; rt=$4; shift 4
out=/tmp/prof/runs/$tag
cd /work/wt-prof
java -XX:+UnlockDiagnosticVMOptions -XX:+PrintCompilation -XX:+PrintInlining -XX:+LogCompilation -XX:LogFile=$out.xml -XX:+DisplayVMOutputToStderr "$@" \
  -cp ${JAR:-platform/benchmarks/target/benchmarks.jar} io.swapline.benchmarks.autonomic.SwapProbe $sc $mode $rt 3 > $out.out 2> $out.log
probe=$(grep -o "PROBE.*" $out.out | sed 's/.*windows://')
# the Rep call (stub bci 50/51/52) lines in the last C2 compile of the client loop
last=$(grep -nE "^ +[0-9]+ +[0-9]+ +% +4 +io.swapline.benchmarks.autonomic.ClientThreads\\\$Client::run @ 0 \(40 bytes\)$" $out.log | tail -1 | cut -d: -f1)
rep=$(awk -v s=$last 'NR>s && /^ +[0-9]+ +[0-9]+ / {exit} NR>s && /@ 5[012] +io/ {sub(/^ +/,""); print}' $out.log | sort | uniq -c | tr '\n' ';' | tr -s ' ')
traps=$(grep -c "<uncommon_trap thread" $out.xml)
echo "$tag | $probe | final-loop Rep call: $rep | uncommon_traps=$traps"
