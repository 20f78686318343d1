package io.ember.rdd.internal.storage;

import io.ember.actors.internal.spi.ExecutorRuntime;
import io.ember.rdd.EmberConf;
import io.ember.rdd.internal.ApplicationDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage side of one context, on the driver: the application's local directory, the
 * executors' storage settings, the block master, the broadcast manager, the cleaner and the
 * checkpoint directory.
 *
 * <p>Design notes. Starting it configures every executor (memory region, memory tier and spill caps, local
 * directory {@code <localDir>/<executorId>}) and waits for them, so the first task already runs
 * with the application's settings; executors that join later are configured by the
 * executor-added listener before anything else is sent to them. Closing it, after the executors
 * have stopped (each deletes its own directory), deletes the application's local directory.
 * Thread-safe: each part guards its own state; {@code checkpointDir} is volatile.
 */
public final class StorageContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StorageContext.class);

    private final StorageSettings settings;
    private final Path localDir;
    private final BlockManagerMaster blockMaster;
    private final BroadcastManager broadcasts;
    private final ContextCleaner cleaner = new ContextCleaner();
    private volatile Path checkpointDir;

    /** Creates the local directory and configures {@code runtime}'s executors with {@code conf}'s settings. */
    public StorageContext(ExecutorRuntime runtime, EmberConf conf, String appName) {
        this.settings = StorageSettings.from(conf);
        this.localDir = ApplicationDirectory.create(conf.localDir(), appName);
        ExecutorCommands commands = new ExecutorCommands(runtime, conf.storageCommandTimeout());
        this.blockMaster = new BlockManagerMaster(commands);
        this.broadcasts = new BroadcastManager(commands);
        ExecutorCommand configure = new ExecutorCommand.Configure(settings.storageMemory(), settings.taskMemory(),
                settings.memoryFraction(), settings.storageFraction(), localDir.toString());
        commands.await(commands.sendToAll(configure));
        runtime.onExecutorLost(blockMaster::executorLost);
        runtime.onExecutorAdded(executor -> {
            commands.send(executor.id(), configure);
            broadcasts.executorAdded(executor.id());
        });
    }

    /** The executors' memory settings. */
    public StorageSettings settings() {
        return settings;
    }

    /** The application's local directory (executors' blocks and spills live under it). */
    public Path localDir() {
        return localDir;
    }

    /** Where cached blocks are. */
    public BlockManagerMaster blockMaster() {
        return blockMaster;
    }

    /** The broadcast variables. */
    public BroadcastManager broadcasts() {
        return broadcasts;
    }

    /** Clean-ups of what the application dropped. */
    public ContextCleaner cleaner() {
        return cleaner;
    }

    /** Sets the directory under which RDD checkpoints go (a fresh subdirectory of {@code dir}). */
    public void setCheckpointDir(String dir) {
        Path path = Path.of(dir).toAbsolutePath().normalize().resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the checkpoint directory " + path, e);
        }
        checkpointDir = path;
    }

    /** The checkpoint directory, or null if none was set. */
    public Path checkpointDir() {
        return checkpointDir;
    }

    /** Called before each job: ships broadcasts that were unpersisted since their last use. */
    public void beforeJob() {
        broadcasts.shipPending();
    }

    /** Stops the cleaner and deletes the local directory. */
    @Override
    public void close() {
        cleaner.stop();
        if (!Files.exists(localDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(localDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the local directory {}", localDir, e);
        }
    }
}
