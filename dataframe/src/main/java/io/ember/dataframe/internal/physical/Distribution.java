package io.ember.dataframe.internal.physical;

import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.SortOrder;
import java.util.List;

/** What an operator needs of its input's partitioning; {@link EnsureRequirements} provides it. */
public sealed interface Distribution {

    /** Anything will do. */
    record Unspecified() implements Distribution {
    }

    /** Everything in one partition. */
    record AllTuples() implements Distribution {
    }

    /** Rows with equal values of {@code expressions} together. */
    record Clustered(List<Expression> expressions) implements Distribution {
    }

    /** Rows range-partitioned in {@code order}. */
    record Ordered(List<SortOrder> order) implements Distribution {
    }

    /** The whole input available to every task (broadcast). */
    record Broadcast() implements Distribution {
    }
}
