package io.ember.dataframe.internal.sql;

/** Plan strings compared across queries: attribute ids differ between two analyses of the same query. */
final class PlanText {
    private PlanText() {
    }

    /** {@code plan} without the {@code #id} of every attribute. */
    static String normalized(String plan) {
        return plan.replaceAll("#\\d+", "");
    }
}
