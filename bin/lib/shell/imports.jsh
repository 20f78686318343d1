// Ember's shell: the imports, read by bin/ember-shell before anything typed.
import io.ember.rdd.*;
import io.vavr.collection.*;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Option;
// Single-type imports win over on-demand ones (JShell's defaults include java.util.* and
// java.util.stream.*): List, Map, Set, Seq and Vector are Vavr's, as Ember's API returns; the
// JDK's mutable collections, Iterator and Stream keep their usual meaning.
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
