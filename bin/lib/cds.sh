# Sourced by bin/lib/classpath.sh: class-data sharing (AppCDS) for the launchers' JVMs. A JVM
# maps the classes Ember loads at start-up from an archive instead of loading and verifying them
# from jars, which takes about a third off a short application's start-up.
#
#   ember_cds CLASS_PATH   sets ember_cds_class_path (the class path to run with; other jars may be
#                          appended to it) and ember_cds_opts (JVM options; empty when no archive)
#   ember_cds_now CLASS_PATH   the same, but a missing archive is trained first, in the foreground
#                          (for bin/ember-bench, whose first measured launch must already have one)
#
# The archive is made once per class path and JDK, in the background: the first launch runs
# without one and starts a low-priority training JVM (io.ember.rdd.internal.launcher.StartupTraining under
# -XX:ArchiveClassesAtExit), so it is not slowed beyond sharing the CPU; launches after it use
# the archive. Archives live in $EMBER_CDS_DIR (default ${XDG_CACHE_HOME:-~/.cache}/ember/cds), named
# <hash>-<size>.jsa, the hash of the class path, the JDK and each jar's size and time: a rebuilt
# jar or another JDK gets a new archive (and the old one of that class path is deleted; each
# archive's class path is kept next to it as <hash>.classpath). EMBER_CDS=off turns all of this off.
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

# Few processes are started here (each costs tens of milliseconds on a busy machine): the class
# path is ordered and the archive found in this shell; one readlink, one stat, one hash and one
# wc make the rest.
ember_cds() {
  ember_cds_with "$1" background
}

ember_cds_now() {
  ember_cds_with "$1" foreground
}

# ember_cds_with CLASS_PATH background|foreground
ember_cds_with() {
  ember_cds_class_path="$1"
  ember_cds_opts=()
  case "${EMBER_CDS:-on}" in
    on) ;;
    off) return 0 ;;
    *) echo "EMBER_CDS='$EMBER_CDS' is not 'on' or 'off'" >&2; return 2 ;;
  esac
  ember_cds_order "$1" || return 0
  local ordered="$ember_cds_ordered"
  local dir="${EMBER_CDS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ember/cds}"
  # why: without a writable cache the launch simply runs without an archive
  { [ -d "$dir" ] || mkdir -p "$dir" 2>/dev/null; } && [ -w "$dir" ] || return 0
  local key
  key="$(ember_cds_contents "$ordered" | ember_cds_hash)" || return 0
  ember_cds_class_path="$ordered"
  local prefix="$dir/${key:0:24}"
  ember_cds_find "$prefix"
  if [ -z "$ember_cds_archive" ] && [ ! -e "$prefix.failed" ]; then
    if [ "$2" = foreground ]; then
      ( ember_cds_train_locked "$dir" "$prefix" "$ordered" ) </dev/null >/dev/null 2>&1
      ember_cds_find "$prefix"
    else
      ember_cds_train "$dir" "$prefix" "$ordered"
    fi
  fi
  if [ -n "$ember_cds_archive" ]; then
    ember_cds_opts=("-XX:SharedArchiveFile=$ember_cds_archive" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
}

# Sets ember_cds_ordered to the class path with Ember's logging settings (bin/lib/conf, a
# directory of resources) moved to the end: CDS archives jars only, and accepts a directory only
# after the last entry it loaded a class from. Fails if any other entry is a directory.
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
  ember_cds_ordered="${jars[*]}${has_conf:+:$conf}"
}

# What the archive depends on: the class path itself, the JDK (its home, release file and
# libjvm) and each class path entry's size and modification time.
ember_cds_contents() {
  local java_bin java_home entries line
  java_bin="$(command -v java)" || return 1
  java_bin="$(readlink -f "$java_bin" 2>/dev/null || printf '%s' "$java_bin")"
  java_home="${java_bin%/bin/java}"
  IFS=: read -ra entries <<< "$1"
  printf '%s\n%s\n' "$1" "$java_home"
  if [ -r "$java_home/release" ]; then
    while IFS= read -r line; do printf '%s\n' "$line"; done < "$java_home/release"
  fi
  ember_cds_stat "$java_home"/lib/server/libjvm.* "${entries[@]}"
}

# Name, size and modification time of each file, in one stat call (GNU stat, else BSD stat); a
# missing file is left out, which changes the stamp as well.
ember_cds_stat() {
  case "${OSTYPE:-}" in
    darwin*|*bsd*) stat -f '%N %z %m' "$@" 2>/dev/null || true ;;
    *) stat -c '%n %s %Y' -- "$@" 2>/dev/null || true ;;
  esac
}

# A hex digest of standard input (at least 24 characters).
ember_cds_hash() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256
  else
    cksum | od -An -tx1 | tr -d ' \n'
  fi
}

ember_cds_size() {
  local size
  size="$(wc -c < "$1")"
  printf '%s\n' "${size//[[:space:]]/}"
}

# Sets ember_cds_archive to PREFIX's archive if there is a whole one (its size is the one in its
# name), else to nothing; deletes one whose size is wrong.
ember_cds_find() {
  local archive size
  ember_cds_archive=""
  for archive in "$1"-*.jsa; do
    [ -f "$archive" ] || continue
    size="${archive##*-}"
    if [ "$(ember_cds_size "$archive")" = "${size%.jsa}" ]; then
      ember_cds_archive="$archive"
      return 0
    fi
    rm -f "$archive"
  done
}

# Starts the training run in the background, detached from the launcher (which execs the real
# JVM next), at the lowest CPU priority.
ember_cds_train() {
  (
    # why: the launcher's own output and terminal are not the training run's
    exec </dev/null >/dev/null 2>&1
    ember_cds_train_locked "$@"
  ) &
}

ember_cds_train_locked() {
  local dir="$1" prefix="$2" class_path="$3"
  if command -v flock >/dev/null 2>&1; then
    exec 8>"$prefix.lock"
    flock -n 8 || return 0  # another launch is training this archive already
  fi
  ember_cds_find "$prefix"
  [ -z "$ember_cds_archive" ] || return 0
  local tmp="$prefix.$BASHPID.tmp" log="$prefix.$BASHPID.log" size
  if nice -n 19 java -XX:ArchiveClassesAtExit="$tmp" -Xshare:auto -cp "$class_path" \
      io.ember.rdd.internal.launcher.StartupTraining >"$log" 2>&1 && [ -s "$tmp" ]; then
    size="$(ember_cds_size "$tmp")"
    ember_cds_forget "$dir" "$prefix" "$class_path"
    printf '%s\n' "$class_path" > "$prefix.classpath"
    mv -f "$tmp" "$prefix-$size.jsa"
    rm -f "$log"
  else
    rm -f "$tmp"
    mv -f "$log" "$prefix.failed"
  fi
}

# Deletes the archives made earlier for this class path (of jars since rebuilt, or another JDK),
# and PREFIX's own (one cut short); PREFIX's lock stays, since this training run holds it.
ember_cds_forget() {
  local dir="$1" prefix="$2" class_path="$3" recorded
  rm -f "$prefix"-*.jsa
  for recorded in "$dir"/*.classpath; do
    [ -f "$recorded" ] && [ "${recorded%.classpath}" != "$prefix" ] || continue
    [ "$(cat "$recorded")" = "$class_path" ] || continue
    rm -f "${recorded%.classpath}"-*.jsa "${recorded%.classpath}".lock "$recorded"
  done
}
