package io.ember.actors.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.ember.actors.internal.spi.TaskOutcome;
import io.ember.actors.internal.spi.TaskRunner;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runtime with {@code akka.actor.serialize-messages = on}: Akka serializes and deserializes
 * every message it delivers, so each protocol record really goes through KryoAkkaSerializer
 * (including its ActorRefs) and the receiver gets the copy.
 */
@Timeout(30)
class SerializeMessagesTest {

    @Test
    void protocol_withSerializeMessagesOn_worksOnDeserializedCopies() throws Exception {
        List<byte[]> seen = new CopyOnWriteArrayList<>();
        byte[] returned = "result".getBytes(UTF_8);
        TaskRunner runner = (task, services) -> {
            seen.add(task);
            if (new String(task, UTF_8).equals("fail")) {
                throw new IllegalStateException("failed on purpose");
            }
            return returned;
        };
        try (LocalExecutorRuntime runtime = LocalExecutorRuntime.start("serialized", 2, 1, runner,
                getClass().getClassLoader(), ConfigFactory.parseString(
                        "akka.actor.serialize-messages = on\nakka.actor.serialize-creators = off"))) {
            byte[] payload = "task".getBytes(UTF_8);

            TaskOutcome.Finished finished = assertInstanceOf(TaskOutcome.Finished.class,
                    runtime.launch("exec-0", 1, payload).toCompletableFuture().get(10, TimeUnit.SECONDS));
            TaskOutcome.Crashed crashed = assertInstanceOf(TaskOutcome.Crashed.class,
                    runtime.launch("exec-0", 2, "fail".getBytes(UTF_8)).toCompletableFuture().get(10, TimeUnit.SECONDS));

            assertArrayEquals(payload, seen.get(0));
            assertNotSame(payload, seen.get(0), "LaunchTask was not serialized");
            assertArrayEquals(returned, finished.result());
            assertNotSame(returned, finished.result(), "TaskFinished was not serialized");
            assertTrue(crashed.error().contains("failed on purpose"), crashed.error());
            assertEquals(new ExecutorActor.Status("exec-0", 0, 1, 1), ExecutorActorStatusTest.settledStatus(runtime, 2));

            runtime.killExecutor("exec-0");
            assertInstanceOf(TaskOutcome.ExecutorLost.class,
                    runtime.launch("exec-0", 3, payload).toCompletableFuture().get(10, TimeUnit.SECONDS));
        }
    }
}
