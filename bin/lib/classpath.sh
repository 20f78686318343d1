# Sourced by every Ember launcher in bin/: the one place that builds Ember and knows its class path.
#   ember_classpath [module]   prints the class path of a module (default: the top-most one with
#                              a session), building it first when needed; a module is its folder,
#                              e.g. rdd-core or examples/ember-examples
#   ember_ensure_built MODULE STAMP GOALS...
#                              runs Maven's GOALS on MODULE and what it depends on, unless STAMP
#                              is newer than every source and pom
# EMBER_CLASSPATH, when set, is used as the class path, and nothing is built. Either way the class
# path starts with bin/lib/conf, the launchers' logging settings (simplelogger.properties).
# The JVMs that launchers start share their classes through an archive: see cds.sh (ember_cds).
#
# Builds happen once, and again only after a source or a pom changed. Launchers started at the
# same time wait for one another: a build holds a lock (target/build.lock), and a launcher that
# got the lock after waiting checks again whether the build it waited for already made what it
# needs. Maven's own output is shown (it takes a minute the first time). Nothing is installed
# into ~/.m2: modules are packaged in one reactor, so their class paths point at target/ jars.

ember_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ember_root/bin/lib/cds.sh"

# The module whose class path the launchers use: dataframe once it has a session, else rdd-core.
ember_module() {
  if [ -f "$ember_root/dataframe/src/main/java/io/ember/dataframe/EmberSession.java" ]; then
    echo dataframe
  else
    echo rdd-core
  fi
}

# Succeeds when STAMP exists and no main source, resource or pom is newer than it.
ember_is_fresh() {
  local stamp="$1" newer
  [ -f "$stamp" ] || return 1
  newer="$(find "$ember_root" -path '*/target' -prune -o -path '*/.git' -prune -o -path "$ember_root/examples/starter" -prune -o \
    \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$stamp" -print 2>/dev/null | head -n 1)"
  [ -z "$newer" ]
}

# Runs the command given as arguments while holding Ember's build lock: flock(1) where it
# exists, else a lock directory holding the owner's PID (taken over when that process is gone).
ember_with_build_lock() {
  local lock="$ember_root/target/build.lock"
  mkdir -p "$ember_root/target"
  if command -v flock >/dev/null 2>&1; then
    (
      exec 9>"$lock"
      if ! flock -n 9; then
        echo "Waiting for another launcher's build of Ember to finish..." >&2
        flock 9
      fi
      "$@"
    )
    return
  fi
  local waited="" owner status
  until mkdir "$lock.d" 2>/dev/null; do
    owner="$(cat "$lock.d/pid" 2>/dev/null || true)"
    if [ -n "$owner" ] && ! kill -0 "$owner" 2>/dev/null; then
      rm -rf "$lock.d"
      continue
    fi
    [ -n "$waited" ] || echo "Waiting for another launcher's build of Ember to finish..." >&2
    waited=1
    sleep 1
  done
  echo $$ > "$lock.d/pid"
  status=0
  "$@" || status=$?
  rm -rf "$lock.d"
  return "$status"
}

# Under the lock: builds unless a build that finished while we waited made STAMP fresh.
ember_build_locked() {
  local module="$1" stamp="$2"
  shift 2
  ember_is_fresh "$stamp" && return 0
  echo "Building Ember's $module module and what it needs (once; about a minute the first time)..." >&2
  if ! (cd "$ember_root" && ./mvnw -B -ntp -Dmaven.test.skip=true -Dmaven.source.skip=true \
      -Dmaven.javadoc.skip=true -pl "$module" -am "$@") >&2; then
    rm -f "$stamp"
    echo "Building Ember failed (see Maven's output above)." >&2
    return 1
  fi
  # Maven leaves an output it would write unchanged (the class-path file) untouched: mark the build.
  touch "$stamp"
}

ember_ensure_built() {
  local module="$1" stamp="$2"
  ember_is_fresh "$stamp" && return 0
  ember_with_build_lock ember_build_locked "$@"
}

ember_classpath() {
  if [ -n "${EMBER_CLASSPATH:-}" ]; then
    printf '%s:%s\n' "$ember_root/bin/lib/conf" "$EMBER_CLASSPATH"
    return
  fi
  local module="${1:-$(ember_module)}" cp_file jar
  cp_file="$ember_root/$module/target/ember-classpath.txt"
  # package (not compile) so that, within the one reactor, each module's dependencies on its
  # siblings resolve to their jars under target/ rather than to copies in ~/.m2.
  ember_ensure_built "$module" "$cp_file" \
    package dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/ember-classpath.txt || return 1
  jar="$(ls "$ember_root/$module/target/ember-"*.jar 2>/dev/null \
    | grep -v -e '-sources' -e '-javadoc' -e '-tests' | head -n 1)"
  printf '%s:%s:%s\n' "$ember_root/bin/lib/conf" "${jar:-$ember_root/$module/target/classes}" "$(cat "$cp_file")"
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
