package io.ember.actors.internal.spi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Control commands through the public API: their own thread, their own timeout, their own outcomes. */
@Timeout(30)
class ControlCommandsTest {
    private static final ClassLoader LOADER = ControlCommandsTest.class.getClassLoader();
    private static final Duration LONG = Duration.ofSeconds(10);

    /** Tasks block until released; commands answer with the executor and the thread they ran on. */
    private static final class Runner implements TaskRunner {
        final CountDownLatch taskStarted = new CountDownLatch(1);
        final CountDownLatch releaseTasks = new CountDownLatch(1);
        final CountDownLatch releaseCommands;

        Runner(boolean commandsBlock) {
            releaseCommands = new CountDownLatch(commandsBlock ? 1 : 0);
        }

        @Override
        public byte[] run(byte[] task, ExecutorServices services) throws Exception {
            taskStarted.countDown();
            releaseTasks.await(20, TimeUnit.SECONDS);
            return bytes("task done");
        }

        @Override
        public byte[] runCommand(byte[] command, ExecutorServices services) throws Exception {
            releaseCommands.await(20, TimeUnit.SECONDS);
            if (new String(command, UTF_8).equals("fail")) {
                throw new IllegalArgumentException("cannot apply fail");
            }
            return bytes(services.executorId() + " " + Thread.currentThread().getName());
        }
    }

    @Test
    void sendCommand_whileEveryTaskSlotIsBusy_isAnsweredFromTheControlThread() throws Exception {
        Runner runner = new Runner(false);
        try (ExecutorRuntime runtime = ExecutorRuntime.startLocal("ControlCommandsTest", 1, 1, runner, LOADER)) {
            CompletionStage<TaskOutcome> task = runtime.launch("exec-0", 1, bytes("t"));
            assertTrue(runner.taskStarted.await(10, TimeUnit.SECONDS));

            CommandOutcome outcome = await(runtime.sendCommand("exec-0", bytes("drop rdd 3"), LONG));

            String answer = new String(assertInstanceOf(CommandOutcome.Answered.class, outcome).answer(), UTF_8);
            assertTrue(answer.matches("exec-0 ember-exec-0-control-\\d+"), answer);
            runner.releaseTasks.countDown();
            assertInstanceOf(TaskOutcome.Finished.class, task.toCompletableFuture().get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void sendCommand_notAnsweredWithinItsTimeout_givesTimedOut() throws Exception {
        Runner runner = new Runner(true);
        try (ExecutorRuntime runtime = ExecutorRuntime.startLocal("ControlCommandsTest", 1, 1, runner, LOADER)) {
            CommandOutcome outcome = await(runtime.sendCommand("exec-0", bytes("slow"), Duration.ofMillis(200)));

            assertEquals(new CommandOutcome.TimedOut("exec-0", Duration.ofMillis(200)), outcome);
            runner.releaseCommands.countDown();
        }
    }

    @Test
    void sendCommand_runnerThrows_givesFailedWithTheExceptionText() throws Exception {
        try (ExecutorRuntime runtime = ExecutorRuntime.startLocal("ControlCommandsTest", 1, 1, new Runner(false), LOADER)) {
            CommandOutcome.Failed failed = assertInstanceOf(CommandOutcome.Failed.class,
                    await(runtime.sendCommand("exec-0", bytes("fail"), LONG)));
            assertTrue(failed.error().contains("IllegalArgumentException: cannot apply fail"), failed.error());
        }
    }

    @Test
    void sendCommand_toALostOrUnknownExecutor_givesExecutorLost() throws Exception {
        try (ExecutorRuntime runtime = ExecutorRuntime.startLocal("ControlCommandsTest", 2, 1, new Runner(false), LOADER)) {
            runtime.killExecutor("exec-1");
            assertEquals(new CommandOutcome.ExecutorLost("exec-9", "unknown executor exec-9 (known: [exec-0, exec-1])"),
                    await(runtime.sendCommand("exec-9", bytes("x"), LONG)));
            CommandOutcome lost = await(runtime.sendCommand("exec-1", bytes("x"), LONG));
            assertInstanceOf(CommandOutcome.ExecutorLost.class, lost);
        }
    }

    private static CommandOutcome await(CompletionStage<CommandOutcome> outcome) throws Exception {
        return outcome.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
