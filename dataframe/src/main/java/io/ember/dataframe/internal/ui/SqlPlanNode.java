package io.ember.dataframe.internal.ui;

import io.vavr.collection.List;

/**
 * One operator of a SQL execution's physical plan, as listeners and the UI see it.
 *
 * @param id unique in its plan: operators are numbered from 0 at the root, depth first
 * @param name the operator, e.g. {@code HashAggregate}
 * @param detail its line in {@code explain()}, e.g. {@code Filter (amount > 10)}
 * @param children its inputs
 */
public record SqlPlanNode(int id, String name, String detail, List<SqlPlanNode> children) {
}
