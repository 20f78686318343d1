#!/usr/bin/env bash
# Moves Ember's engine packages into `internal` packages, so that the API packages are the only
# ones without `internal` in their name; ApiBoundaryTest keeps engine types out of their
# signatures. Re-runnable: a package already moved is skipped. Run from anywhere in the
# repository with a clean working tree, then build and commit.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

# module  package-now  package-after
moves=(
  "rdd-core io.ember.rdd.io io.ember.rdd.internal.io"
  "rdd-core io.ember.rdd.launcher io.ember.rdd.internal.launcher"
  "rdd-core io.ember.rdd.scheduler io.ember.rdd.internal.scheduler"
  "rdd-core io.ember.rdd.shuffle io.ember.rdd.internal.shuffle"
  "rdd-core io.ember.rdd.storage io.ember.rdd.internal.storage"
  "rdd-core io.ember.rdd.ui io.ember.rdd.internal.ui"
  "rdd-core io.ember.rdd.shell.internal io.ember.rdd.internal.shell"
  "rdd-core io.ember.rdd.submit.internal io.ember.rdd.internal.submit"
  "dataframe io.ember.dataframe.analysis io.ember.dataframe.internal.analysis"
  "dataframe io.ember.dataframe.batch io.ember.dataframe.internal.batch"
  "dataframe io.ember.dataframe.expressions io.ember.dataframe.internal.expressions"
  "dataframe io.ember.dataframe.io io.ember.dataframe.internal.io"
  "dataframe io.ember.dataframe.optimizer io.ember.dataframe.internal.optimizer"
  "dataframe io.ember.dataframe.physical io.ember.dataframe.internal.physical"
  "dataframe io.ember.dataframe.plan io.ember.dataframe.internal.plan"
  "dataframe io.ember.dataframe.sql io.ember.dataframe.internal.sql"
  "dataframe io.ember.dataframe.window io.ember.dataframe.internal.window"
  "dataframe io.ember.dataframe.ui io.ember.dataframe.internal.ui"
  "actors io.ember.actors.cluster io.ember.actors.internal.cluster"
  "actors io.ember.actors.memory io.ember.actors.internal.memory"
)
# The executor SPI between rdd-core and actors: the top-level classes of io.ember.actors, but for
# ExecutorInfo, which applications see (EmberContext.executors()) and which stays there.
spi_from=io.ember.actors
spi_to=io.ember.actors.internal.spi
spi_kept=ExecutorInfo

# Rewrites, in every tracked text file naming it, the dotted and the slashed form of a package.
rewrite() {
  local from=$1 to=$2
  local from_re=${from//./\\.} from_dir=${from//.//} to_dir=${to//.//}
  { git grep -lzI -F -e "$from" -e "$from_dir/" -- . ':!benchmarks/results' ':!.dev/internalize.sh' || true; } \
    | xargs -0 -r sed -i -E "s/\\b${from_re}\\b/${to}/g; s#\\b${from_dir}/#${to_dir}/#g"
}

rename_services() {
  local from=$1 to=$2
  git ls-files '*/META-INF/services/*' | while read -r f; do
    local name=${f##*/}
    case $name in
      "$from".*) git mv "$f" "$(dirname "$f")/${to}${name#"$from"}" ;;
    esac
  done
}

for move in "${moves[@]}"; do
  read -r module from to <<<"$move"
  from_dir=${from//.//}; to_dir=${to//.//}
  moved=false
  for root in "$module"/src/main/java "$module"/src/test/java "$module"/src/main/resources "$module"/src/test/resources; do
    [ -d "$root/$from_dir" ] || continue
    mkdir -p "$(dirname "$root/$to_dir")"
    if [ -d "$root/$to_dir" ]; then
      for entry in "$root/$from_dir"/*; do git mv "$entry" "$root/$to_dir/"; done
    else
      git mv "$root/$from_dir" "$root/$to_dir"
    fi
    moved=true
  done
  # Rewritten even when nothing moved: a branch merged after the move still names the old package.
  rewrite "$from" "$to"
  rename_services "$from" "$to"
  if $moved; then echo "moved $from -> $to"; fi
done

spi_dir=${spi_from//.//}; spi_to_dir=${spi_to//.//}
spi_moved=false
for root in actors/src/main/java actors/src/test/java; do
  for f in "$root/$spi_dir"/*.java; do
    [ -f "$f" ] || continue
    [ "$(basename "$f" .java)" = "$spi_kept" ] && continue
    mkdir -p "$root/$spi_to_dir"
    git mv "$f" "$root/$spi_to_dir/"
    spi_moved=true
  done
done
# Only class references: io.ember.actors.internal and the other sub-packages stay as they are.
{ git grep -lzI -F -e "$spi_from" -- . ':!benchmarks/results' ':!.dev/internalize.sh' || true; } | xargs -0 -r sed -i -E \
  "s/\\bio\\.ember\\.actors\\.([A-Z*])/${spi_to}.\\1/g; s/\\b${spi_to//./\\.}\\.${spi_kept}\\b/${spi_from}.${spi_kept}/g"
# The moved classes named the kept one without an import (one package before).
for root in actors/src/main/java actors/src/test/java; do
  for f in "$root/$spi_to_dir"/*.java; do
    [ -f "$f" ] || continue
    sed -i -E "s/^package io\\.ember\\.actors;/package ${spi_to};/" "$f"
    if grep -qw "$spi_kept" "$f" && ! grep -q "^import ${spi_from}.${spi_kept};" "$f"; then
      if grep -q '^import ' "$f"; then
        sed -i "0,/^import /s//import ${spi_from}.${spi_kept};\\nimport /" "$f"
      else
        sed -i "s/^package ${spi_to};/&\\n\\nimport ${spi_from}.${spi_kept};/" "$f"
      fi
    fi
  done
done
git ls-files '*/META-INF/services/*' | while read -r f; do
  name=${f##*/}
  case $name in
    io.ember.actors.[A-Z]*) git mv "$f" "$(dirname "$f")/${spi_to}.${name#io.ember.actors.}" ;;
  esac
done
if $spi_moved; then echo "moved the top-level classes of $spi_from -> $spi_to"; fi
