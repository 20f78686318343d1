package io.ember.dataframe;

import io.ember.dataframe.internal.sql.SessionCatalog;
import io.ember.dataframe.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tables and views SQL can query, as Spark's {@code spark.catalog()}: so far the session's
 * temporary views ({@code df.createOrReplaceTempView("trips")}). Names are case-insensitive.
 * Thread-safe; reading the catalog runs no job.
 */
public final class Catalog {
    private final SessionCatalog views;

    /** The user's view of {@code views}. */
    Catalog(SessionCatalog views) {
        this.views = Objects.requireNonNull(views, "views is null");
    }

    /** Every table and view, sorted by name, with its schema. */
    public List<CatalogTable> listTables() {
        return views.tables();
    }

    /**
     * The columns of the table or view {@code name}.
     *
     * @throws AnalysisException naming the closest existing views if there is none
     */
    public List<StructField> listColumns(String name) {
        List<StructField> out = new ArrayList<>();
        for (StructField f : views.schemaOf(name)) {
            out.add(f);
        }
        return out;
    }

    /** Whether a table or view {@code name} exists. */
    public boolean tableExists(String name) {
        return views.exists(name);
    }

    /** Drops the temporary view {@code name}; whether it existed. */
    public boolean dropTempView(String name) {
        return views.dropTempView(name);
    }
}
