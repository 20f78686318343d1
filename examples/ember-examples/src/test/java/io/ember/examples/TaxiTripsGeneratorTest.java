package io.ember.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The taxi CSV generator: fixed bytes, the documented columns and ranges, and dirty rows. */
class TaxiTripsGeneratorTest {
    private static final YearMonth JANUARY = YearMonth.of(2021, 1);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    Path dir;

    private static String yellow(long rows, YearMonth month, long seed, double dirty) throws IOException {
        StringWriter out = new StringWriter();
        TaxiTripsGenerator.writeYellow(out, rows, month, seed, dirty);
        return out.toString();
    }

    private static String green(long rows, YearMonth month, long seed, double dirty) throws IOException {
        StringWriter out = new StringWriter();
        TaxiTripsGenerator.writeGreen(out, rows, month, seed, dirty);
        return out.toString();
    }

    private static List<String> dataLines(String csv) {
        List<String> lines = csv.lines().toList();
        return lines.subList(1, lines.size());
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    // Hashes of the reference tool's output (java TaxiData.java KIND ROWS MONTH [--seed N] [--dirty P]):
    // a change here means every published benchmark input changed too.
    @Test
    void fixedArguments_giveTheReferenceBytes() throws Exception {
        assertEquals("d356fa4fa52c0eeb9f1a7cf83bbbd2ade6274b42df37299f8619bfb50132ca15",
                sha256(yellow(20_000, JANUARY, 42, 0)));
        assertEquals("214f1869f48d94065b934aa7d6d98702d73a1d3546816f0c53fdc0ab66cb243e",
                sha256(green(20_000, JANUARY, 42, 0)));
        assertEquals("24e67ca5f9785d75bc4c257c807328559c65f41ff5937f090cf66ae242d1d916",
                sha256(yellow(20_000, JANUARY, 7, 0.05)));
        assertEquals("72ad51b8ec6b06ff6c937122c7d47a212c3af0becc1561258440c8a17af352b9",
                sha256(green(20_000, YearMonth.of(2021, 2), 3, 0.1)));
    }

    @Test
    void sameArguments_sameBytes_otherSeed_otherBytes() throws IOException {
        assertEquals(yellow(2_000, JANUARY, 5, 0.01), yellow(2_000, JANUARY, 5, 0.01));
        assertNotEquals(yellow(2_000, JANUARY, 5, 0), yellow(2_000, JANUARY, 6, 0));
        assertNotEquals(dataLines(yellow(100, JANUARY, 5, 0)).get(0), dataLines(green(100, JANUARY, 5, 0)).get(0));
    }

    @Test
    void headerAndColumnCounts_matchTheTlcSchemas() throws IOException {
        String y = yellow(5_000, JANUARY, 42, 0);
        String g = green(5_000, JANUARY, 42, 0);
        assertEquals(TaxiTripsGenerator.YELLOW_HEADER, y.lines().findFirst().orElseThrow());
        assertEquals(TaxiTripsGenerator.GREEN_HEADER, g.lines().findFirst().orElseThrow());
        assertEquals(18, TaxiTripsGenerator.YELLOW_HEADER.split(",").length);
        assertEquals(20, TaxiTripsGenerator.GREEN_HEADER.split(",").length);
        assertEquals(5_000, dataLines(y).size());
        assertTrue(y.endsWith("\n"));
        dataLines(y).forEach(line -> assertEquals(18, line.split(",", -1).length, line));
        dataLines(g).forEach(line -> assertEquals(20, line.split(",", -1).length, line));
    }

    @Test
    void yellowValues_stayInTheirRanges() throws IOException {
        List<String> lines = dataLines(yellow(20_000, JANUARY, 42, 0));
        int unknownPassengers = 0;
        for (String line : lines) {
            String[] f = line.split(",", -1);
            assertTrue(f[0].equals("1") || f[0].equals("2"), line);
            LocalDateTime pickup = LocalDateTime.parse(f[1], TIMESTAMP);
            LocalDateTime dropoff = LocalDateTime.parse(f[2], TIMESTAMP);
            assertEquals(JANUARY, YearMonth.from(pickup), line);
            assertTrue(!dropoff.isBefore(pickup.plusMinutes(1)), line);
            assertTrue(Double.parseDouble(f[4]) >= 0, line);
            assertZone(f[7], line);
            assertZone(f[8], line);
            if (f[3].isEmpty()) {
                unknownPassengers++;
                Stream.of(f[5], f[6], f[9], f[17]).forEach(v -> assertEquals("", v, line));
            } else {
                assertInRange(f[3], 0, 6, line);
                assertInRange(f[5], 1, 6, line);
                assertTrue(f[6].equals("N") || f[6].equals("Y"), line);
                assertInRange(f[9], 1, 5, line);
            }
            assertTotalIsTheSumOfCharges(f, 10, 16, line);
        }
        assertEquals(0.03, unknownPassengers / (double) lines.size(), 0.006);
    }

    @Test
    void greenValues_stayInTheirRanges() throws IOException {
        for (String line : dataLines(green(20_000, JANUARY, 42, 0))) {
            String[] f = line.split(",", -1);
            assertEquals(JANUARY, YearMonth.from(LocalDateTime.parse(f[1], TIMESTAMP)), line);
            assertZone(f[5], line);
            assertZone(f[6], line);
            assertEquals("", f[14], line);
            if (!f[7].isEmpty()) {
                assertInRange(f[18], 1, 2, line);
            }
            assertTotalIsTheSumOfCharges(f, 9, 16, line);
        }
    }

    @Test
    void dirtyFraction_malformsAboutThatShareOfRows() throws IOException {
        List<String> lines = dataLines(yellow(20_000, JANUARY, 42, 0.1));
        long malformed = lines.stream().filter(line -> !isWellFormedYellow(line)).count();
        assertEquals(0.1, malformed / (double) lines.size(), 0.01);
        assertTrue(dataLines(yellow(20_000, JANUARY, 42, 0)).stream().allMatch(TaxiTripsGeneratorTest::isWellFormedYellow));
    }

    @Test
    void pathVariant_writesTheSameBytes_andLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("nested/green.csv");
        TaxiTripsGenerator.writeGreen(file, 1_000, JANUARY, 42, 0.02);
        assertEquals(green(1_000, JANUARY, 42, 0.02), Files.readString(file));
        TaxiTripsGenerator.writeGreen(file, 10, JANUARY, 42, 0);
        assertEquals(11, Files.readAllLines(file).size(), "an existing file is replaced");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void badArguments_areRejectedNamingTheOption() {
        StringWriter out = new StringWriter();
        assertMessageNames("rows", () -> TaxiTripsGenerator.writeYellow(out, -1, JANUARY, 42, 0));
        assertMessageNames("dirty", () -> TaxiTripsGenerator.writeYellow(out, 10, JANUARY, 42, 1.5));
        assertMessageNames("dirty", () -> TaxiTripsGenerator.writeGreen(out, 10, JANUARY, 42, Double.NaN));
        assertMessageNames("month", () -> TaxiTripsGenerator.writeGreen(out, 10, YearMonth.of(999, 1), 42, 0));
        assertThrows(NullPointerException.class, () -> TaxiTripsGenerator.writeGreen(out, 10, null, 42, 0));
        assertEquals("", out.toString(), "nothing is written before the arguments are checked");
    }

    @Test
    void main_writesTheSameBytesToStandardOutput() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            TaxiTripsGenerator.main(new String[] {"yellow", "300", "2021-01", "--seed", "9", "--dirty", "0.1"});
        } finally {
            System.setOut(original);
        }
        assertArrayEquals(yellow(300, JANUARY, 9, 0.1).getBytes(StandardCharsets.UTF_8), captured.toByteArray());
    }

    private static boolean isWellFormedYellow(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 18) {
            return false;
        }
        try {
            LocalDateTime.parse(f[1], TIMESTAMP);
            Double.parseDouble(f[4]);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void assertZone(String field, String line) {
        assertInRange(field, 1, 265, line);
    }

    private static void assertInRange(String field, int low, int high, String line) {
        int value = Integer.parseInt(field);
        assertTrue(value >= low && value <= high, field + " outside " + low + ".." + high + " in " + line);
    }

    /** Fields {@code first..total-1} are the charges; each has two decimals and they add up to the total. */
    private static void assertTotalIsTheSumOfCharges(String[] f, int first, int total, String line) {
        double sum = 0;
        for (int i = first; i < total; i++) {
            if (!f[i].isEmpty()) {
                assertTrue(f[i].matches("\\d+\\.\\d\\d"), line);
                sum += Double.parseDouble(f[i]);
            }
        }
        String congestion = f[f.length - 1];
        sum += congestion.isEmpty() ? 0 : Double.parseDouble(congestion);
        assertEquals(sum, Double.parseDouble(f[total]), 0.005, line);
        assertTrue(Double.parseDouble(f[first]) >= 2.5, "fare " + line);
    }

    private static void assertMessageNames(String option, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(option), e.getMessage());
    }
}
