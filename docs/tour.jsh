// A tour of Ember, notebook-style: each cell is a comment, some code, and what it prints.
// Run it with        bin/ember-shell docs/tour.jsh
// or, in the shell,  /open docs/tour.jsh
// `sc` (an EmberContext on local[*]) is predefined by the shell, as are Vavr's List and Tuple.
// JShell ends a statement at the first line that completes it: split long ones inside
// parentheses or braces, never before a leading dot.

// ---- 1. RDDs are lazy; actions run jobs ------------------------------------------------
var numbers = sc.parallelize(List.range(1, 10001));
System.out.println("small numbers: " + numbers.filter(x -> x < 10).collect());
System.out.println("sum of squares: " + numbers.map(x -> (long) x * x).reduce(Long::sum));

// ---- 2. Pair RDDs: a word count, combined map-side before the shuffle -----------------
var lines = sc.parallelize(List.of("the quick brown fox", "jumps over the lazy dog", "the end"));
var counts = lines.flatMap(line -> List.of(line.split(" "))).mapToPair(word -> Tuple.of(word, 1)).reduceByKey(Integer::sum);
System.out.println("most frequent: " + counts.takeOrdered(2, (a, b) -> a._2.equals(b._2) ? a._1.compareTo(b._1) : b._2 - a._2));

// ---- 3. Lineage: what would be recomputed if a partition were lost --------------------
System.out.println(counts.toDebugString());

// ---- 4. Captured variables travel with the function ------------------------------------
int offset = 100;
System.out.println("shifted: " + sc.parallelize(List.of(1, 2, 3), 2).map(x -> x + offset).collect());

// ---- 5. A failing task is retried, then the job fails with your exception as its cause --
try {
    sc.parallelize(List.of(1, 0), 2).map(x -> 10 / x).collect();
} catch (JobFailedException e) {
    System.out.println("job failed, cause: " + e.getCause());
}

// ---- 6. Everything above is on the web UI while the shell runs -------------------------
System.out.println("jobs run: " + sc.uiWebUrl().map(url -> url + "/jobs/").getOrElse("(web UI disabled)"));

// ---- 7. DataFrames: `spark` (an EmberSession over `sc`) builds lazy, schema-checked queries --
var trips = spark.createDataFrame(java.util.List.of(
        RowFactory.create("Queens", 12.5), RowFactory.create("Bronx", 8.0), RowFactory.create("Queens", 30.0)),
        StructType.fromDDL("borough STRING, fare DOUBLE"));
trips.groupBy(col("borough")).agg(count(col("fare")).as("trips")).orderBy(col("borough")).show();
