package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code binaryFiles} returns each file's exact bytes, read lazily where the stream is used;
 * {@code saveAsTextFile(path, codec)} writes gzip part files that plain Java's
 * {@link GZIPInputStream} and {@code textFile} both read back.
 */
@Timeout(60)
class BinaryFilesAndCodecTest extends ContextConfigurations {
    @TempDir
    Path dir;

    @Override
    protected String master() {
        return "local[2]";
    }

    private TreeMap<String, byte[]> writeBinaryFiles(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        Random random = new Random(count);
        TreeMap<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[random.nextInt(5000)];
            random.nextBytes(bytes);
            Path file = folder.resolve("blob-" + i + ".bin");
            Files.write(file, bytes);
            files.put(file.toAbsolutePath().toString(), bytes);
        }
        Files.writeString(folder.resolve("_SUCCESS"), "");
        Files.writeString(folder.resolve(".hidden"), "skipped");
        return files;
    }

    @Test
    void binaryFiles_giveEachFilesBytes_forAnyPartitioning() throws IOException {
        TreeMap<String, byte[]> files = writeBinaryFiles(dir.resolve("blobs"), 5);
        for (int partitions : new int[] {1, 2, 9}) {
            PairRDD<String, PortableDataStream> rdd = sc.binaryFiles(dir.resolve("blobs").toString(), partitions);
            assertEquals(Math.min(partitions, 5), rdd.getNumPartitions());
            List<Tuple2<String, byte[]>> read = rdd.mapValues(PortableDataStream::toArray).collect();
            assertEquals(List.ofAll(files.keySet()), read.map(Tuple2::_1), "every file once, in name order");
            for (Tuple2<String, byte[]> file : read) {
                assertArrayEquals(files.get(file._1), file._2, file._1);
            }
        }
        List<Integer> sizesOnExecutors = sc.binaryFiles(dir.resolve("blobs").toString())
                .values().map(BinaryFilesAndCodecTest::lengthThroughOpen).collect();
        assertEquals(List.ofAll(files.values()).map(b -> b.length), sizesOnExecutors);
        Path single = Path.of(files.firstKey());
        List<Tuple2<String, PortableDataStream>> one = sc.binaryFiles(single.toString()).collect();
        assertEquals(1, one.size());
        assertArrayEquals(files.firstEntry().getValue(), one.get(0)._2.toArray());
        Files.createDirectories(dir.resolve("empty"));
        assertTrue(sc.binaryFiles(dir.resolve("empty").toString()).collect().isEmpty());
    }

    /** The file's length as read through {@link PortableDataStream#open()}. */
    private static int lengthThroughOpen(PortableDataStream stream) {
        try (DataInputStream in = stream.open()) {
            return in.readAllBytes().length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void binaryFiles_readLazily_andNameAFileThatCannotBeRead() throws IOException {
        TreeMap<String, byte[]> files = writeBinaryFiles(dir.resolve("lazy"), 2);
        List<Tuple2<String, PortableDataStream>> handles = sc.binaryFiles(dir.resolve("lazy").toString()).collect();
        String gone = handles.get(0)._1;
        Files.delete(Path.of(gone));
        assertArrayEquals(files.get(handles.get(1)._1), handles.get(1)._2.toArray(),
                "collecting shipped paths only; the bytes are read now");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> handles.get(0)._2.toArray());
        assertTrue(e.getMessage().contains(gone), e.getMessage());
        UncheckedIOException missing = assertThrows(UncheckedIOException.class,
                () -> sc.binaryFiles(dir.resolve("nowhere").toString()).count());
        assertTrue(missing.getMessage().contains("nowhere"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sc.binaryFiles(dir.toString(), 0));
    }

    private static String gunzip(Path file) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void saveAsTextFile_withGzip_writesGzipPartsThatReadBack() throws IOException {
        java.util.List<String> lines = IntStream.range(0, 1000).mapToObj(i -> "line " + i + " é")
                .collect(Collectors.toList());
        Path out = dir.resolve("gz");
        sc.parallelize(lines, 3).saveAsTextFile(out.toString(), CompressionCodec.GZIP);
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        java.util.List<Path> parts;
        try (Stream<Path> listed = Files.list(out)) {
            parts = listed.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().collect(Collectors.toList());
        }
        assertEquals(java.util.List.of("part-00000.gz", "part-00001.gz", "part-00002.gz"),
                parts.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        StringBuilder all = new StringBuilder();
        for (Path part : parts) {
            all.append(gunzip(part));
        }
        assertEquals(String.join("\n", lines) + "\n", all.toString());
        assertEquals(lines, sc.textFile(out.toString()).collect().asJava());

        Path empty = dir.resolve("empty-gz");
        sc.parallelize(List.<String>empty(), 2).saveAsTextFile(empty.toString(), CompressionCodec.forName("gzip"));
        assertEquals("", gunzip(empty.resolve("part-00001.gz")));
        assertThrows(UncheckedIOException.class,
                () -> sc.parallelize(List.of("x"), 1).saveAsTextFile(out.toString(), CompressionCodec.GZIP));
    }

    @Test
    void codecNames_includeHadoops() {
        assertEquals(CompressionCodec.GZIP, CompressionCodec.forName("GZIP"));
        assertEquals(CompressionCodec.GZIP, CompressionCodec.forName("org.apache.hadoop.io.compress.GzipCodec"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CompressionCodec.forName("snappy"));
        assertTrue(unknown.getMessage().contains("'snappy'") && unknown.getMessage().contains("gzip"),
                unknown.getMessage());
    }
}
