package io.ember.rdd;

/** The pair-RDD operations on {@code local[3]}. */
class PairRddLocal3Test extends PairRddSpec {
    @Override
    protected String master() {
        return "local[3]";
    }
}
