package io.ember.actors.internal.cluster;

import io.ember.actors.internal.spi.TaskRunner;
import io.ember.actors.internal.WorkerProcess;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * The main class of a worker node, {@code bin/ember-worker}: joins an Ember cluster and runs
 * one executor per application on this node.
 *
 * <pre>
 * ember-worker --host 127.0.0.1 --port 25521 --seed 127.0.0.1:25520 --cores 4 --memory 4g
 * </pre>
 *
 * <p>The engine's task runner is found with {@link ServiceLoader} (ember-rdd-core provides one),
 * so the worker's class path must hold ember-rdd-core and its dependencies; application classes
 * come from the drivers. On SIGTERM the node leaves the cluster gracefully. Exit status 2 means a
 * bad command line or a missing secret; 3 means the cluster removed this node (it was downed or
 * quarantined): a supervisor should then restart it.
 */
public final class EmberWorker {
    private EmberWorker() {
    }

    /** Runs a worker node; see the class documentation for the options. */
    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(WorkerProcess.usage());
            return;
        }
        Iterator<TaskRunner> runners = ServiceLoader.load(TaskRunner.class).iterator();
        if (!runners.hasNext()) {
            System.err.println("ember-worker: no io.ember.actors.internal.spi.TaskRunner on the class path; put ember-rdd-core on it");
            System.exit(WorkerProcess.EXIT_USAGE);
        }
        System.exit(WorkerProcess.run(args, runners.next()));
    }
}
