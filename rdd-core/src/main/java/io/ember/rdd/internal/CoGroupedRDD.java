package io.ember.rdd.internal;

import io.ember.rdd.Dependency;
import io.ember.rdd.EmberContext;
import io.ember.rdd.OneToOneDependency;
import io.ember.rdd.PairRDD;
import io.ember.rdd.Partition;
import io.ember.rdd.Partitioner;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TaskContext;
import io.ember.rdd.internal.scheduler.TaskContextImpl;
import io.ember.rdd.internal.shuffle.ExternalAggregator;
import io.ember.rdd.internal.shuffle.SpillContext;
import io.ember.rdd.internal.shuffle.ShuffleReader;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Iterator;

/**
 * For each key, the values of every parent, grouped: the basis of cogroup and all joins. A
 * parent already partitioned by the target partitioner is read in place (a narrow dependency);
 * any other parent is shuffled.
 */
public final class CoGroupedRDD<K> extends PairRDD<K, List<ArrayList<Object>>> {
    private static final long serialVersionUID = 1L;

    private final List<PairRDD<K, ?>> parents;
    private final Partitioner partitioner;
    private final ShuffleDependency<K, ?, ?>[] shuffles;

    /** Groups {@code parents} by key into the partitions of {@code partitioner}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public CoGroupedRDD(EmberContext sc, List<? extends PairRDD<K, ?>> parents, Partitioner partitioner) {
        super(sc);
        this.parents = List.narrow(parents);
        this.partitioner = partitioner;
        this.shuffles = new ShuffleDependency[parents.size()];
        for (int i = 0; i < parents.size(); i++) {
            PairRDD parent = parents.get(i);
            if (!parent.partitioner().contains(partitioner)) {
                shuffles[i] = new ShuffleDependency<>(parent, partitioner, Option.none(), false, Option.none());
            }
        }
    }

    /** Reduce partition {@code index}, with the matching partition of each parent read in place (else null). */
    record CoGroupPartition(int index, Partition[] narrowSplits) implements Partition {
    }

    @Override
    protected Partition[] getPartitions() {
        Partition[] out = new Partition[partitioner.numPartitions()];
        for (int i = 0; i < out.length; i++) {
            Partition[] narrow = new Partition[parents.size()];
            for (int p = 0; p < narrow.length; p++) {
                if (shuffles[p] == null) {
                    narrow[p] = parents.get(p).partitions()[i];
                }
            }
            out[i] = new CoGroupPartition(i, narrow);
        }
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Iterator<Tuple2<K, List<ArrayList<Object>>>> compute(Partition split, TaskContext context) {
        CoGroupPartition p = (CoGroupPartition) split;
        int n = parents.size();
        // why: an external aggregation, so that joins of inputs larger than memory spill instead of failing
        ExternalAggregator<Object, Tuple2<Integer, Object>, ArrayList<Object>[]> groups = new ExternalAggregator<>(
                tagged -> add(newGroup(n), tagged),
                CoGroupedRDD::add,
                CoGroupedRDD::mergeGroups,
                SpillContext.current());
        for (int i = 0; i < n; i++) {
            Iterator<? extends Tuple2<?, ?>> records;
            if (shuffles[i] == null) {
                records = parents.get(i).iterator(p.narrowSplits()[i], context);
            } else {
                TaskContextImpl ctx = (TaskContextImpl) context;
                records = ShuffleReader.read(shuffles[i], p.index(), ctx.mapStatuses(shuffles[i].shuffleId()),
                        ctx.services(), ctx.metrics());
            }
            while (records.hasNext()) {
                Tuple2<?, ?> record = records.next();
                groups.insert(record._1, Tuple.of(i, record._2));
            }
        }
        return io.vavr.collection.Iterator.ofAll(groups.iterator())
                .map(e -> Tuple.of((K) e._1, List.of(e._2)));
    }

    private static ArrayList<Object>[] add(ArrayList<Object>[] group, Tuple2<Integer, Object> tagged) {
        group[tagged._1].add(tagged._2);
        return group;
    }

    private static ArrayList<Object>[] mergeGroups(ArrayList<Object>[] a, ArrayList<Object>[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i].addAll(b[i]);
        }
        return a;
    }

    @SuppressWarnings("unchecked")
    private static ArrayList<Object>[] newGroup(int n) {
        ArrayList<Object>[] lists = new ArrayList[n];
        for (int i = 0; i < n; i++) {
            lists[i] = new ArrayList<>(2);
        }
        return lists;
    }

    @Override
    protected List<Dependency<?>> getDependencies() {
        List<Dependency<?>> deps = List.empty();
        for (int i = 0; i < parents.size(); i++) {
            deps = deps.append(shuffles[i] != null ? shuffles[i] : new OneToOneDependency<>(parents.get(i)));
        }
        return deps;
    }

    @Override
    public Option<Partitioner> partitioner() {
        return Option.some(partitioner);
    }
}
