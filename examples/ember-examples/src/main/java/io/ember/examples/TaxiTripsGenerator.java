package io.ember.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes deterministic CSV shaped like the NYC TLC yellow and green taxi trip records: the
 * input of the reference benchmarks and of the DataFrame tests and examples. The same
 * arguments give the same bytes on every machine, identical to the project's reference tool
 * ({@code java TaxiData.java yellow ROWS YYYY-MM [--seed N] [--dirty P]}).
 *
 * <pre>{@code
 * TaxiTripsGenerator.writeYellow(Path.of("data/yellow.csv"), 2_000_000, YearMonth.of(2021, 1), 42, 0);
 * }</pre>
 *
 * <p>What the rows look like, so tests can rely on it:
 * <ul>
 *   <li>a header line ({@link #YELLOW_HEADER} or {@link #GREEN_HEADER}), then one trip per
 *       line, {@code \n}-terminated, no quoting;</li>
 *   <li>pickup uniform over the month, trip length log-normal (median about 11 minutes, at
 *       least one), timestamps {@code yyyy-MM-dd HH:mm:ss} (a dropoff may fall in the next month);</li>
 *   <li>zones {@code 1..265}, 60% of them drawn from 20 hot Manhattan and airport zones;</li>
 *   <li>3% of trips have an unknown passenger count: then passenger count, rate code,
 *       store-and-forward flag, payment type (and trip type) and congestion surcharge are empty;</li>
 *   <li>money has two decimals, and {@code total_amount} is the sum of the other charges;</li>
 *   <li>with {@code dirty > 0}, about that fraction of lines is malformed instead: a bad
 *       timestamp, an unterminated quote, an empty line, or a short row.</li>
 * </ul>
 *
 * <p>Thread-safe: every call draws from its own random generator.
 */
public final class TaxiTripsGenerator {
    /** The header of yellow trip files (18 columns). */
    public static final String YELLOW_HEADER = "VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,"
            + "passenger_count,trip_distance,RatecodeID,store_and_fwd_flag,PULocationID,DOLocationID,"
            + "payment_type,fare_amount,extra,mta_tax,tip_amount,tolls_amount,improvement_surcharge,"
            + "total_amount,congestion_surcharge";

    /** The header of green trip files (20 columns; {@code ehail_fee} is always empty). */
    public static final String GREEN_HEADER = "VendorID,lpep_pickup_datetime,lpep_dropoff_datetime,"
            + "store_and_fwd_flag,RatecodeID,PULocationID,DOLocationID,passenger_count,trip_distance,"
            + "fare_amount,extra,mta_tax,tip_amount,tolls_amount,ehail_fee,improvement_surcharge,"
            + "total_amount,payment_type,trip_type,congestion_surcharge";

    private static final String USAGE =
            "usage: TaxiTripsGenerator yellow|green ROWS YYYY-MM [--seed N] [--dirty P] | words ROWS [--seed N]";

    /** The lines written instead of a trip when a row is chosen to be dirty. */
    private static final String[] MALFORMED = {
            "1,not-a-date,2021-01-01 00:10:00,1,x.y", "\"unterminated,quote", "", "2,2021-01-01 00:00:00"};

    /** The busiest pickup and dropoff zones, most frequent first. */
    private static final int[] HOT_ZONES = {
            237, 236, 161, 162, 230, 186, 142, 170, 48, 234, 132, 138, 68, 239, 163, 79, 141, 107, 263, 140};

    private static final double MTA_TAX = 0.5;
    private static final double IMPROVEMENT_SURCHARGE = 0.3;

    private TaxiTripsGenerator() {
    }

    /** The two kinds of trip file; the name also salts the seed, so yellow and green never share draws. */
    private enum Kind {
        YELLOW("yellow"), GREEN("green");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    // ---- public API -----------------------------------------------------------------------------

    /**
     * Writes a yellow trip file with {@code rows} data lines for {@code month} (atomically: the
     * file appears complete or not at all, and a partial file is never left behind).
     *
     * @param seed  the seed; the same seed always gives the same bytes
     * @param dirty the fraction of lines to make malformed, in {@code [0, 1]}
     * @throws IllegalArgumentException if {@code rows} is negative, {@code dirty} is outside
     *                                  {@code [0, 1]} or the month's year is outside 1000..9998
     */
    public static void writeYellow(Path file, long rows, YearMonth month, long seed, double dirty) throws IOException {
        writeAtomically(file, Kind.YELLOW, rows, month, seed, dirty);
    }

    /** Writes a green trip file; see {@link #writeYellow(Path, long, YearMonth, long, double)}. */
    public static void writeGreen(Path file, long rows, YearMonth month, long seed, double dirty) throws IOException {
        writeAtomically(file, Kind.GREEN, rows, month, seed, dirty);
    }

    /**
     * Writes a yellow trip file (header included) to {@code out}, which is neither flushed nor
     * closed; see {@link #writeYellow(Path, long, YearMonth, long, double)} for the arguments.
     */
    public static void writeYellow(Writer out, long rows, YearMonth month, long seed, double dirty) throws IOException {
        write(out, Kind.YELLOW, rows, month, seed, dirty);
    }

    /** Writes a green trip file to {@code out}; see {@link #writeYellow(Writer, long, YearMonth, long, double)}. */
    public static void writeGreen(Writer out, long rows, YearMonth month, long seed, double dirty) throws IOException {
        write(out, Kind.GREEN, rows, month, seed, dirty);
    }

    /**
     * Writes a file to standard output; the command line of the reference tool:
     * {@code yellow|green ROWS YYYY-MM [--seed N] [--dirty P]} or {@code words ROWS [--seed N]}
     * (the words of {@link WordsGenerator}). The seed defaults to 42 and dirty to 0.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || (!args[0].equals("words") && args.length < 3)) {
            exitWithUsage("");
        }
        long rows = Long.parseLong(args[1]);
        long seed = 42;
        double dirty = 0;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--seed") && i + 1 < args.length) {
                seed = Long.parseLong(args[++i]);
            } else if (args[i].equals("--dirty") && i + 1 < args.length) {
                dirty = Double.parseDouble(args[++i]);
            }
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 20);
        switch (args[0]) {
            case "yellow" -> writeYellow(out, rows, YearMonth.parse(args[2]), seed, dirty);
            case "green" -> writeGreen(out, rows, YearMonth.parse(args[2]), seed, dirty);
            case "words" -> WordsGenerator.write(out, rows, seed);
            default -> exitWithUsage("unknown kind " + args[0]);
        }
        out.flush();
    }

    // ---- writing --------------------------------------------------------------------------------

    private static void writeAtomically(Path file, Kind kind, long rows, YearMonth month, long seed, double dirty)
            throws IOException {
        Objects.requireNonNull(file, "file is null");
        checkArguments(rows, month, dirty);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, "." + kind.label, ".tmp");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 20)) {
            write(out, kind, rows, month, seed, dirty);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void write(Writer out, Kind kind, long rows, YearMonth month, long seed, double dirty)
            throws IOException {
        Objects.requireNonNull(out, "out is null");
        checkArguments(rows, month, dirty);
        // The reference tool salts the seed with the kind's name; keeping that keeps the bytes identical.
        SplittableRandom random = new SplittableRandom(seed + kind.label.hashCode());
        TripSampler sampler = new TripSampler(random, month);
        StringBuilder line = new StringBuilder(256);
        out.write(kind == Kind.YELLOW ? YELLOW_HEADER : GREEN_HEADER);
        out.write('\n');
        for (long i = 0; i < rows; i++) {
            line.setLength(0);
            // No draw at all when clean, so a clean file's trips do not depend on the dirty option.
            if (dirty > 0 && random.nextDouble() < dirty) {
                line.append(MALFORMED[random.nextInt(MALFORMED.length)]);
            } else if (kind == Kind.YELLOW) {
                appendYellow(line, sampler.next());
            } else {
                Trip trip = sampler.next();
                appendGreen(line, trip, sampler.tripType(trip));
            }
            out.append(line.append('\n'));
        }
    }

    private static void checkArguments(long rows, YearMonth month, double dirty) {
        Objects.requireNonNull(month, "month is null");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be at least 0, was " + rows);
        }
        if (!(dirty >= 0 && dirty <= 1)) {
            throw new IllegalArgumentException("dirty must be a fraction in [0, 1], was " + dirty);
        }
        // Four-digit years keep the fixed-width timestamps valid, dropoffs in the next month included.
        if (month.getYear() < 1000 || month.getYear() > 9998) {
            throw new IllegalArgumentException("month must be between 1000-01 and 9998-12, was " + month);
        }
    }

    private static void exitWithUsage(String problem) {
        if (!problem.isEmpty()) {
            System.err.println(problem);
        }
        System.err.println(USAGE);
        System.exit(2);
    }

    // ---- rows -----------------------------------------------------------------------------------

    private static void appendYellow(StringBuilder line, Trip t) {
        line.append(t.vendor()).append(',');
        appendTimestamp(line, t.pickup()).append(',');
        appendTimestamp(line, t.dropoff()).append(',');
        appendCode(line, t.passengers()).append(',');
        line.append(t.distance()).append(',');
        appendCode(line, t.rateCode()).append(',');
        line.append(t.flag()).append(',');
        line.append(t.pickupZone()).append(',').append(t.dropoffZone()).append(',');
        appendCode(line, t.payment()).append(',');
        appendCharges(line, t).append(',');
        appendCongestion(line, t);
    }

    private static void appendGreen(StringBuilder line, Trip t, int tripType) {
        line.append(t.vendor()).append(',');
        appendTimestamp(line, t.pickup()).append(',');
        appendTimestamp(line, t.dropoff()).append(',');
        line.append(t.flag()).append(',');
        appendCode(line, t.rateCode()).append(',');
        line.append(t.pickupZone()).append(',').append(t.dropoffZone()).append(',');
        appendCode(line, t.passengers()).append(',');
        line.append(t.distance()).append(',');
        appendMoney(line, t.fare()).append(',');
        appendMoney(line, t.extra()).append(',');
        appendMoney(line, MTA_TAX).append(',');
        appendMoney(line, t.tip()).append(',');
        appendMoney(line, t.tolls()).append(",,"); // ehail_fee: never present in the real data either
        appendMoney(line, IMPROVEMENT_SURCHARGE).append(',');
        appendMoney(line, t.total()).append(',');
        appendCode(line, t.payment()).append(',');
        appendCode(line, tripType).append(',');
        appendCongestion(line, t);
    }

    /** The yellow charge columns, fare through total. */
    private static StringBuilder appendCharges(StringBuilder line, Trip t) {
        appendMoney(line, t.fare()).append(',');
        appendMoney(line, t.extra()).append(',');
        appendMoney(line, MTA_TAX).append(',');
        appendMoney(line, t.tip()).append(',');
        appendMoney(line, t.tolls()).append(',');
        appendMoney(line, IMPROVEMENT_SURCHARGE).append(',');
        return appendMoney(line, t.total());
    }

    private static void appendCongestion(StringBuilder line, Trip t) {
        if (t.passengersKnown()) {
            appendMoney(line, t.congestion());
        }
    }

    // ---- fields ---------------------------------------------------------------------------------

    /** A small code, or nothing for {@link Trip#UNKNOWN}. */
    private static StringBuilder appendCode(StringBuilder line, int code) {
        return code == Trip.UNKNOWN ? line : line.append(code);
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, by hand: a {@code DateTimeFormatter} costs more than the rest of the row. */
    private static StringBuilder appendTimestamp(StringBuilder line, LocalDateTime t) {
        line.append(t.getYear()).append('-');
        appendTwoDigits(line, t.getMonthValue()).append('-');
        appendTwoDigits(line, t.getDayOfMonth()).append(' ');
        appendTwoDigits(line, t.getHour()).append(':');
        appendTwoDigits(line, t.getMinute()).append(':');
        return appendTwoDigits(line, t.getSecond());
    }

    private static StringBuilder appendTwoDigits(StringBuilder line, int value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /**
     * Two decimals, as {@code String.format(Locale.ROOT, "%.2f", value)} writes them. Every
     * amount here is a whole number of cents give or take rounding noise, so printing the
     * rounded cents is exact; anything else goes to the formatter, whose half-up rounding of
     * the shortest decimal form a cents computation would not reproduce.
     */
    private static StringBuilder appendMoney(StringBuilder line, double value) {
        double scaled = value * 100;
        long cents = Math.round(scaled);
        if (Math.copySign(1.0, value) < 0 || !(Math.abs(scaled - cents) <= 1e-6)) {
            return line.append(String.format(Locale.ROOT, "%.2f", value));
        }
        line.append(cents / 100).append('.');
        return appendTwoDigits(line, (int) (cents % 100));
    }

    // ---- sampling -------------------------------------------------------------------------------

    /**
     * One drawn trip. Codes that are unknown (see {@link #passengersKnown()}) are {@link #UNKNOWN}
     * and written as empty fields.
     */
    private record Trip(int vendor, LocalDateTime pickup, LocalDateTime dropoff, int passengers, double distance,
                        int rateCode, String flag, int pickupZone, int dropoffZone, int payment, double fare,
                        double extra, double tip, double tolls, double congestion) {
        static final int UNKNOWN = -1;

        boolean passengersKnown() {
            return passengers != UNKNOWN;
        }

        /** Summed in the reference tool's order: floating-point addition is not associative. */
        double total() {
            return fare + extra + MTA_TAX + tip + tolls + IMPROVEMENT_SURCHARGE + congestion;
        }
    }

    /**
     * Draws trips from one random stream. The order of the draws is part of the file format:
     * reordering two of them changes every byte after the first row.
     */
    private static final class TripSampler {
        private final SplittableRandom random;
        private final LocalDateTime monthStart;
        private final long monthSeconds;

        TripSampler(SplittableRandom random, YearMonth month) {
            this.random = random;
            this.monthStart = month.atDay(1).atStartOfDay();
            this.monthSeconds = Duration.between(monthStart, month.plusMonths(1).atDay(1).atStartOfDay()).getSeconds();
        }

        Trip next() {
            int vendor = 1 + random.nextInt(2);
            LocalDateTime pickup = monthStart.plusSeconds((long) (random.nextDouble() * monthSeconds));
            double minutes = Math.max(1, Math.exp(2.4 + 0.6 * random.nextGaussian()));
            LocalDateTime dropoff = pickup.plusSeconds((long) (minutes * 60));
            double distance = Math.max(0, Math.round(minutes * (0.15 + 0.2 * random.nextDouble()) * 100) / 100.0);
            boolean known = random.nextDouble() >= 0.03;
            int passengers = known ? passengerCount() : Trip.UNKNOWN;
            int rateCode = known ? rateCode() : Trip.UNKNOWN;
            String flag = known ? (random.nextDouble() < 0.99 ? "N" : "Y") : "";
            int pickupZone = zone();
            int dropoffZone = zone();
            int payment = known ? paymentType() : Trip.UNKNOWN;
            double fare = Math.round((2.5 + 2.5 * distance + 0.5 * minutes) * 2) / 2.0;
            double extra = random.nextDouble() < 0.5 ? 0.5 : (random.nextDouble() < 0.5 ? 1.0 : 0.0);
            double tip = payment == 1 ? Math.round(fare * (0.1 + 0.15 * random.nextDouble()) * 100) / 100.0 : 0;
            double tolls = random.nextDouble() < 0.05 ? 6.12 : 0;
            double congestion = known && random.nextDouble() < 0.8 ? 2.5 : 0;
            return new Trip(vendor, pickup, dropoff, passengers, distance, rateCode, flag, pickupZone, dropoffZone,
                    payment, fare, extra, tip, tolls, congestion);
        }

        /** Green trips only: 1 street-hail, 2 dispatch; drawn after the trip itself. */
        int tripType(Trip trip) {
            return trip.passengersKnown() ? (random.nextDouble() < 0.97 ? 1 : 2) : Trip.UNKNOWN;
        }

        private int passengerCount() {
            return random.nextDouble() < 0.7 ? 1 : random.nextInt(7);
        }

        /** 1 standard rate most of the time, else JFK, Newark, Nassau/Westchester, negotiated, group. */
        private int rateCode() {
            return random.nextDouble() < 0.95 ? 1 : 2 + random.nextInt(5);
        }

        /** 1 credit card most of the time, else cash, no charge, dispute, unknown. */
        private int paymentType() {
            return random.nextDouble() < 0.7 ? 1 : 2 + random.nextInt(4);
        }

        /** Skewed like the real data: 60% from the hot zones (the first ones most), the rest uniform. */
        private int zone() {
            if (random.nextDouble() < 0.6) {
                return HOT_ZONES[(int) Math.floor(Math.pow(random.nextDouble(), 1.7) * HOT_ZONES.length)];
            }
            return 1 + random.nextInt(265);
        }
    }
}
