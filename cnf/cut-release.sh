#!/bin/sh
# Cuts the baseline: builds the API bundles of the committed HEAD as release VERSION (the
# project version without -SNAPSHOT unless given) and puts them into cnf/release in Maven
# layout, where the build's baselining finds them. See cnf/README.md.
#
#   cnf/cut-release.sh [VERSION]
set -eu

# The bundles with exported API: the ones that are baselined.
MODULES="platform/api platform/core platform/testing bundles/counter-api bundles/kv-api"

root=$(cd "$(dirname "$0")/.." && pwd)
snapshot=$(sed -n 's:^  <version>\(.*-SNAPSHOT\)</version>$:\1:p' "$root/pom.xml")
version=${1:-${snapshot%-SNAPSHOT}}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The committed sources, with the release version in every pom (in the copy only).
git -C "$root" archive HEAD | tar -x -C "$work"
find "$work" -name pom.xml -exec sed -i "s:<version>$snapshot</version>:<version>$version</version>:" {} +
(cd "$work" && mvn -o -q -B -Dstyle.color=never package -DskipTests -pl "$(echo $MODULES | tr ' ' ',')" -am)

for module in $MODULES; do
    pom="$work/$module/pom.xml"
    artifact=$(sed -n 's:^  <artifactId>\(.*\)</artifactId>$:\1:p' "$pom")
    group=$(sed -n 's:^  <groupId>\(.*\)</groupId>$:\1:p' "$pom")
    group=${group:-$(sed -n 's:^  <groupId>\(.*\)</groupId>$:\1:p' "$root/pom.xml")}
    dir="$root/cnf/release/$(echo "$group" | tr . /)/$artifact/$version"
    mkdir -p "$dir"
    cp "$work/$module/target/$artifact-$version.jar" "$dir/"
    cat > "$dir/$artifact-$version.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<!-- The baseline release of $module, cut by cnf/cut-release.sh. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>$group</groupId>
  <artifactId>$artifact</artifactId>
  <version>$version</version>
</project>
POM
    for file in "$dir/$artifact-$version.jar" "$dir/$artifact-$version.pom"; do
        sha1sum "$file" | cut -d' ' -f1 > "$file.sha1"
    done
    echo "released $group:$artifact:$version"
done
