package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.SortOrder;
import java.util.ArrayList;
import java.util.List;

/** How an operator's output rows are spread over partitions. */
public sealed interface Partitioning {

    /** The number of partitions, or -1 if unknown. */
    int numPartitions();

    /** Whether this partitioning meets {@code d}. */
    boolean satisfies(Distribution d);

    /** Rows with equal values of {@code expressions} are in the same partition. */
    record Hash(List<Expression> expressions, int numPartitions) implements Partitioning {
        @Override
        public boolean satisfies(Distribution d) {
            if (d instanceof Distribution.Unspecified) {
                return true;
            }
            if (d instanceof Distribution.Clustered c) {
                if (expressions.isEmpty()) {
                    return false;
                }
                List<Expression> required = Canonical.all(c.expressions());
                return required.containsAll(Canonical.all(expressions));
            }
            return false;
        }

        @Override
        public String toString() {
            List<String> texts = new ArrayList<>();
            for (Expression e : expressions) {
                texts.add(e.explain());
            }
            return "hashpartitioning(" + String.join(", ", texts) + ", " + numPartitions + ")";
        }
    }

    /** Rows are range-partitioned by {@code order}: partition i holds keys before those of i + 1. */
    record Range(List<SortOrder> order, int numPartitions) implements Partitioning {
        @Override
        public boolean satisfies(Distribution d) {
            if (d instanceof Distribution.Unspecified) {
                return true;
            }
            if (d instanceof Distribution.Ordered o) {
                return Canonical.all(new ArrayList<>(o.order())).equals(Canonical.all(new ArrayList<>(order)));
            }
            if (d instanceof Distribution.Clustered c) {
                List<Expression> required = Canonical.all(c.expressions());
                for (SortOrder s : order) {
                    if (!required.contains(Canonical.of(s.child()))) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }

        @Override
        public String toString() {
            List<String> texts = new ArrayList<>();
            for (SortOrder e : order) {
                texts.add(e.explain());
            }
            return "rangepartitioning(" + String.join(", ", texts) + ", " + numPartitions + ")";
        }
    }

    /** Everything in one partition. */
    record Single() implements Partitioning {
        @Override
        public int numPartitions() {
            return 1;
        }

        @Override
        public boolean satisfies(Distribution d) {
            return !(d instanceof Distribution.Broadcast);
        }

        @Override
        public String toString() {
            return "SinglePartition";
        }
    }

    /** Rows dealt out evenly. */
    record RoundRobin(int numPartitions) implements Partitioning {
        @Override
        public boolean satisfies(Distribution d) {
            return d instanceof Distribution.Unspecified;
        }

        @Override
        public String toString() {
            return "RoundRobinPartitioning(" + numPartitions + ")";
        }
    }

    /** Nothing known. */
    record Unknown(int numPartitions) implements Partitioning {
        @Override
        public boolean satisfies(Distribution d) {
            return d instanceof Distribution.Unspecified || (numPartitions == 1 && !(d instanceof Distribution.Broadcast));
        }

        @Override
        public String toString() {
            return "UnknownPartitioning(" + numPartitions + ")";
        }
    }
}
