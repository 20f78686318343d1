package io.ember.rdd.internal.ui.web;

import io.ember.rdd.internal.ui.status.RddStorageData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Storage page (persisted RDDs and their sizes) and one persisted RDD's blocks. */
final class StoragePage {
    private StoragePage() {
    }

    static Rendered render(UiContext ctx) {
        List<List<String>> rows = new ArrayList<>();
        for (RddStorageData rdd : ctx.store().storage()) {
            String href = ctx.url("/storage/rdd/?id=" + rdd.id());
            rows.add(List.of(Html.link(href, rdd.id()), Html.link(href, rdd.name()), Html.escape(rdd.storageLevel()),
                    Integer.toString(rdd.numCachedPartitions()), fraction(rdd), Format.bytes(rdd.memoryUsed()),
                    Format.bytes(rdd.diskUsed())));
        }
        String table = Html.table("rdds", List.of("ID", "RDD Name", "Storage Level", "Cached Partitions",
                "Fraction Cached", "Size in Memory", "Size on Disk"), rows, "No RDDs are persisted.");
        return new Rendered("storage", "Storage", "<h2>RDDs</h2>" + table);
    }

    static Rendered renderRdd(UiContext ctx) {
        int id = ctx.intParam("id");
        RddStorageData rdd = ctx.store().rdd(id).getOrElseThrow(() -> new NotFoundException("RDD " + id + " is not persisted"));
        List<List<String>> rows = new ArrayList<>();
        for (RddStorageData.ExecutorShare share : rdd.executors()) {
            rows.add(List.of(Html.escape(share.executorId()), Integer.toString(share.partitions()),
                    Format.bytes(share.memoryUsed()), Format.bytes(share.diskUsed())));
        }
        String body = "<ul class=\"summary\"><li><strong>Storage Level:</strong> " + Html.escape(rdd.storageLevel())
                + "</li><li><strong>Cached Partitions:</strong> " + rdd.numCachedPartitions() + " of "
                + rdd.numPartitions() + "</li><li><strong>Size in Memory:</strong> " + Format.bytes(rdd.memoryUsed())
                + "</li><li><strong>Size on Disk:</strong> " + Format.bytes(rdd.diskUsed()) + "</li></ul>"
                + "<h2>Data Distribution on Executors</h2>" + Html.table("rdd-executors", List.of("Executor",
                "Cached Partitions", "Size in Memory", "Size on Disk"), rows, "No partitions are cached.");
        return new Rendered("storage", "RDD Storage Info for " + rdd.name(), body);
    }

    private static String fraction(RddStorageData rdd) {
        return rdd.numPartitions() == 0 ? "0%"
                : String.format(Locale.ROOT, "%.0f%%", 100.0 * rdd.numCachedPartitions() / rdd.numPartitions());
    }
}
