# Sourced by bin/lib/classpath.sh: class-data sharing (AppCDS) for the launchers' JVMs. A JVM
# maps the classes Ember loads at start-up from an archive instead of loading and verifying them
# from jars, which takes about a third off a short application's start-up.
#
#   ember_cds CLASS_PATH   sets ember_cds_class_path (the class path to run with; other jars may be
#                          appended to it) and ember_cds_opts (JVM options; empty when no archive)
#
# The archive is made once per class path and JDK, in the background: the first launch runs
# without one and starts a low-priority training JVM (io.ember.rdd.launcher.StartupTraining under
# -XX:ArchiveClassesAtExit), so it is not slowed beyond sharing the CPU; launches after it use
# the archive. Archives live in $EMBER_CDS_DIR (default ${XDG_CACHE_HOME:-~/.cache}/ember/cds), named
# <class path hash>-<contents hash>-<size>.jsa: a rebuilt jar or another JDK changes the contents
# hash, so it gets a new archive (and the old one of that class path is deleted). EMBER_CDS=off
# turns all of this off.
#
# Safety. The training run writes a temporary file renamed into place only when the run
# succeeded, so a concurrent launch sees no archive or a whole one; one training runs at a time
# per archive (flock, where it exists). An archive whose size is not the one in its name (cut
# short by a full disk, say) is deleted before any JVM maps it: HotSpot 17 crashes on a truncated
# archive. An archive HotSpot rejects (another JVM build, a changed jar) it ignores silently, and
# the launchers also turn its CDS log lines off. A class path CDS cannot archive (one holding a
# directory of classes, as in Ember's own tests) runs without an archive; so does a training run
# that failed, until the class path changes (its log stays next to the archives as *.failed).

ember_cds_class_path=""
ember_cds_opts=()

ember_cds() {
  ember_cds_class_path="$1"
  ember_cds_opts=()
  case "${EMBER_CDS:-on}" in
    on) ;;
    off) return 0 ;;
    *) echo "EMBER_CDS='$EMBER_CDS' is not 'on' or 'off'" >&2; return 2 ;;
  esac
  local ordered
  ordered="$(ember_cds_order "$1")" || return 0
  local dir="${EMBER_CDS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ember/cds}"
  # why: without a writable cache the launch simply runs without an archive
  mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ] || return 0
  local name_hash contents_hash
  name_hash="$(printf '%s' "$ordered" | ember_cds_hash)"
  contents_hash="$(ember_cds_contents "$ordered" | ember_cds_hash)" || return 0
  ember_cds_class_path="$ordered"
  local prefix="$dir/$name_hash-$contents_hash" archive
  archive="$(ember_cds_find "$prefix")"
  if [ -n "$archive" ]; then
    ember_cds_opts=("-XX:SharedArchiveFile=$archive" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
  elif [ ! -e "$prefix.failed" ]; then
    ember_cds_train "$dir" "$name_hash" "$prefix" "$ordered"
  fi
}

# Prints the class path with Ember's logging settings (bin/lib/conf, a directory of resources)
# moved to the end: CDS archives jars only, and accepts a directory only after the last entry it
# loaded a class from. Fails (prints nothing) if any other entry is a directory.
ember_cds_order() {
  local conf="$ember_root/bin/lib/conf" entry entries jars=() has_conf=""
  IFS=: read -ra entries <<< "$1"
  for entry in "${entries[@]}"; do
    if [ "$entry" = "$conf" ]; then
      has_conf=1
    elif [ -d "$entry" ]; then
      return 1
    elif [ -n "$entry" ]; then
      jars+=("$entry")
    fi
  done
  [ ${#jars[@]} -gt 0 ] || return 1
  local IFS=:
  printf '%s%s\n' "${jars[*]}" "${has_conf:+:$conf}"
}

# What the archive depends on: the JDK (its home, release file and libjvm) and each class path
# entry's size and modification time.
ember_cds_contents() {
  local java_bin java_home entries
  java_bin="$(command -v java)" || return 1
  java_home="$(cd "$(dirname "$(readlink -f "$java_bin" 2>/dev/null || echo "$java_bin")")/.." && pwd)"
  IFS=: read -ra entries <<< "$1"
  printf '%s\n' "$java_home"
  cat "$java_home/release" 2>/dev/null || true  # why: the libjvm stamp below still tells JDKs apart
  ember_cds_stat "$java_home"/lib/server/libjvm.* "${entries[@]}"
}

# Name, size and modification time of each file (GNU stat, else BSD stat); a missing one as such.
ember_cds_stat() {
  local file
  for file in "$@"; do
    [ -e "$file" ] || { printf '%s missing\n' "$file"; continue; }
    stat -c '%n %s %Y' "$file" 2>/dev/null || stat -f '%N %z %m' "$file"
  done
}

ember_cds_hash() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum | cut -c1-16
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 | cut -c1-16
  else
    cksum | tr ' ' '-'
  fi
}

ember_cds_size() {
  wc -c < "$1" | tr -d ' '
}

# Prints the archive for PREFIX if there is a whole one; deletes one whose size is wrong.
ember_cds_find() {
  local prefix="$1" archive size
  for archive in "$prefix"-*.jsa; do
    [ -f "$archive" ] || continue
    size="${archive##*-}"
    size="${size%.jsa}"
    if [ "$(ember_cds_size "$archive")" = "$size" ]; then
      printf '%s\n' "$archive"
      return 0
    fi
    rm -f "$archive"
  done
}

# Starts the training run in the background, detached from the launcher (which execs the real
# JVM next), at the lowest CPU priority.
ember_cds_train() {
  local dir="$1" name_hash="$2" prefix="$3" class_path="$4"
  (
    # why: the launcher's own output and terminal are not the training run's
    exec </dev/null >/dev/null 2>&1
    ember_cds_train_locked "$dir" "$name_hash" "$prefix" "$class_path"
  ) &
  disown 2>/dev/null || true  # why: job control is off in scripts; disown only matters interactively
}

ember_cds_train_locked() {
  local dir="$1" name_hash="$2" prefix="$3" class_path="$4"
  if command -v flock >/dev/null 2>&1; then
    exec 8>"$prefix.lock"
    flock -n 8 || return 0  # another launch is training this archive already
  fi
  [ -z "$(ember_cds_find "$prefix")" ] || return 0
  local tmp="$prefix.$$.tmp" log="$prefix.$$.log" size
  if nice -n 19 java -XX:ArchiveClassesAtExit="$tmp" -Xshare:auto -cp "$class_path" \
      io.ember.rdd.launcher.StartupTraining >"$log" 2>&1 && [ -s "$tmp" ]; then
    size="$(ember_cds_size "$tmp")"
    rm -f "$dir/$name_hash"-*.jsa  # the archives of this class path's earlier contents
    mv -f "$tmp" "$prefix-$size.jsa"
    rm -f "$log"
  else
    rm -f "$tmp"
    mv -f "$log" "$prefix.failed"
  fi
}
