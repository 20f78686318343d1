package io.ember.rdd;

/** The RDD operations on {@code local[1]}. */
class RddOperationsLocal1Test extends RddOperationsSpec {
    @Override
    protected String master() {
        return "local[1]";
    }
}
