# Sourced by Ember's launchers (bin/ember-shell, bin/ember-history, bin/ember-example):
# ember_classpath prints the class path of Ember's top-most built module, building it first
# (once, and again only after a source or pom changed). EMBER_CLASSPATH, when set, is used as is.

ember_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# The module whose class path the launchers use: dataframe once it has a session, else rdd-core.
ember_module() {
  if [ -f "$ember_root/dataframe/src/main/java/io/ember/dataframe/EmberSession.java" ]; then
    echo dataframe
  else
    echo rdd-core
  fi
}

ember_classpath() {
  if [ -n "${EMBER_CLASSPATH:-}" ]; then
    printf '%s\n' "$EMBER_CLASSPATH"
    return
  fi
  local module cp_file stale="" jar
  module="$(ember_module)"
  cp_file="$ember_root/$module/target/ember-classpath.txt"
  if [ -f "$cp_file" ]; then
    stale="$(find "$ember_root" -path '*/target' -prune -o -path '*/.git' -prune -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$cp_file" -print 2>/dev/null | head -n 1)"
  fi
  if [ ! -f "$cp_file" ] || [ -n "$stale" ]; then
    echo "Building Ember (once)..." >&2
    if ! (cd "$ember_root" \
      && ./mvnw -q -B -Dmaven.test.skip=true -pl "$module" -am install \
      && ./mvnw -q -B -pl "$module" dependency:build-classpath -Dmdep.outputFile=target/ember-classpath.txt) >&2; then
      rm -f "$cp_file"
      echo "Building Ember failed (see above)." >&2
      return 1
    fi
  fi
  jar="$(ls "$ember_root/$module/target/ember-$module-"*.jar 2>/dev/null | grep -v -e '-sources' -e '-tests' | head -n 1)"
  printf '%s:%s\n' "${jar:-$ember_root/$module/target/classes}" "$(cat "$cp_file")"
}

# Whether a class path (colon-separated) holds DataFrames' EmberSession.
ember_has_session() {
  local entry entries
  IFS=: read -ra entries <<< "$1"
  for entry in "${entries[@]}"; do
    case "$entry" in
      *ember-dataframe-*.jar) return 0 ;;
    esac
    [ -f "$entry/io/ember/dataframe/EmberSession.class" ] && return 0
  done
  return 1
}
