package io.ember.rdd.internal.ui.progress;

import io.ember.rdd.EmberListener;
import io.ember.rdd.ListenerEvent;
import io.vavr.control.Option;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Spark's console progress bar: while a stage has run for more than half a second, one line
 * such as {@code [Stage 3:=====>        (12 + 2) / 40]} on standard error, redrawn in place with
 * carriage returns and erased when the stage ends. At most three stages share the line.
 *
 * <p>Design notes. Listener events keep the counts; a timer redraws every
 * {@value #UPDATE_PERIOD_MS} ms, printing only when the line changed (or once a minute, so an
 * idle SSH session stays open). {@link #forConsole} starts one only when standard output is a
 * terminal: {@code System.console()} exists, or the {@code ember.console.terminal} system
 * property says so (bin/ember-shell sets it, because JShell runs code in a child JVM that has
 * no console even at a terminal). The width is {@code $COLUMNS}, else the
 * {@code ember.console.columns} system property, else 80.
 */
public final class ConsoleProgressBar implements EmberListener, AutoCloseable {
    /** A stage appears once it has run this long. */
    public static final long FIRST_DELAY_MS = 500;
    /** How often the line is redrawn. */
    public static final long UPDATE_PERIOD_MS = 200;
    private static final int MAX_STAGES = 3;
    private static final char CR = '\r';

    private final PrintStream out;
    private final IntSupplier width;
    private final LongSupplier clock;
    private final Map<List<Integer>, StageProgress> running = new LinkedHashMap<>();
    private final ScheduledExecutorService timer;
    private String lastBar = "";
    private long lastPrinted;

    /**
     * A bar drawn on {@code out}, {@code width} columns wide, reading time from {@code clock};
     * it redraws only when {@link #refresh()} is called.
     */
    public ConsoleProgressBar(PrintStream out, IntSupplier width, LongSupplier clock) {
        this(out, width, clock, null);
    }

    private ConsoleProgressBar(PrintStream out, IntSupplier width, LongSupplier clock, ScheduledExecutorService timer) {
        this.out = out;
        this.width = width;
        this.clock = clock;
        this.timer = timer;
    }

    /**
     * A bar on standard error that redraws itself, if {@code enabled} and standard output is a
     * terminal; otherwise none.
     */
    public static Option<ConsoleProgressBar> forConsole(boolean enabled) {
        if (!enabled || !isTerminal()) {
            return Option.none();
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ember-console-progress");
            t.setDaemon(true);
            return t;
        });
        ConsoleProgressBar bar = new ConsoleProgressBar(System.err, ConsoleProgressBar::terminalWidth,
                System::currentTimeMillis, timer);
        timer.scheduleWithFixedDelay(bar::refresh, UPDATE_PERIOD_MS, UPDATE_PERIOD_MS, TimeUnit.MILLISECONDS);
        return Option.of(bar);
    }

    /** Whether standard output is a terminal, as {@link #forConsole} decides it. */
    public static boolean isTerminal() {
        return System.console() != null || Boolean.getBoolean("ember.console.terminal");
    }

    @Override
    public synchronized void onEvent(ListenerEvent event) {
        if (event instanceof ListenerEvent.StageSubmitted e) {
            ListenerEvent.StageInfo s = e.stage();
            running.put(List.of(s.stageId(), s.attempt()),
                    new StageProgress(s.stageId(), s.attempt(), s.numTasks(), e.time(), 0, 0));
        } else if (event instanceof ListenerEvent.TaskStart e) {
            running.computeIfPresent(key(e.task()), (k, s) -> s.taskStarted());
        } else if (event instanceof ListenerEvent.TaskEnd e) {
            running.computeIfPresent(key(e.task()), (k, s) -> s.taskEnded(e.status().equals("SUCCESS")));
        } else if (event instanceof ListenerEvent.StageCompleted e) {
            running.remove(List.of(e.stage().stageId(), e.stage().attempt()));
            if (running.isEmpty()) {
                clear();
            }
        } else if (event instanceof ListenerEvent.JobEnd || event instanceof ListenerEvent.ApplicationEnd) {
            clear();
        }
    }

    /** Redraws the line if it changed: the stages that have run longer than half a second. */
    public synchronized void refresh() {
        long now = clock.getAsLong();
        List<StageProgress> shown = new ArrayList<>();
        for (StageProgress stage : running.values()) {
            if (now - stage.submissionTime() > FIRST_DELAY_MS) {
                shown.add(stage);
            }
        }
        if (shown.isEmpty()) {
            clear();
            return;
        }
        shown.sort(Comparator.comparingInt(StageProgress::stageId));
        List<StageProgress> drawn = shown.subList(0, Math.min(MAX_STAGES, shown.size()));
        int each = width.getAsInt() / drawn.size();
        StringBuilder bar = new StringBuilder();
        drawn.forEach(stage -> bar.append(stage.render(each)));
        String line = bar.toString();
        if (!line.equals(lastBar) || now - lastPrinted > 60_000) {
            out.print(CR + line + CR);
            out.flush();
            lastPrinted = now;
        }
        lastBar = line;
    }

    /** Stops redrawing and erases the line. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        running.clear();
        clear();
    }

    private void clear() {
        if (!lastBar.isEmpty()) {
            out.print(CR + " ".repeat(Math.max(lastBar.length(), width.getAsInt())) + CR);
            out.flush();
            lastBar = "";
        }
    }

    private static List<Integer> key(ListenerEvent.TaskInfo task) {
        return List.of(task.stageId(), task.stageAttempt());
    }

    private static int terminalWidth() {
        for (String value : new String[] {System.getenv("COLUMNS"), System.getProperty("ember.console.columns")}) {
            try {
                if (value != null && Integer.parseInt(value.trim()) > 0) {
                    return Integer.parseInt(value.trim());
                }
            } catch (NumberFormatException ignored) {
                // not a number: try the next source
            }
        }
        return 80;
    }
}
