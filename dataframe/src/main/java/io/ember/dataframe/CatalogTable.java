package io.ember.dataframe;

import io.ember.dataframe.types.StructType;

/**
 * A table or view the {@link Catalog} lists.
 *
 * @param name        the name SQL refers to it by
 * @param schema      its columns
 * @param isTemporary whether it lives only as long as the session (every view so far does)
 */
public record CatalogTable(String name, StructType schema, boolean isTemporary) {

    /** {@code TEMPORARY} for a temporary view, as Spark's catalog calls it. */
    public String tableType() {
        return isTemporary ? "TEMPORARY" : "VIEW";
    }
}
