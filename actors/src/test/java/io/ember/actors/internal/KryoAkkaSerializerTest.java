package io.ember.actors.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.Behaviors;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializer;
import com.typesafe.config.ConfigFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class KryoAkkaSerializerTest {

    private ActorSystem<Void> system;
    private Serialization serialization;

    @BeforeEach
    void startSystem() {
        system = ActorSystem.create(Behaviors.empty(), "kryo-test",
                RuntimeConfig.load(ConfigFactory.empty(), getClass().getClassLoader()));
        serialization = SerializationExtension.get(Adapter.toClassic(system));
    }

    @AfterEach
    void stopSystem() throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void launchTask_roundTrip_keepsFieldsAndResolvesTheActorRef() throws Exception {
        ActorRef<DriverEndpoint.Command> driver = system.unsafeUpcast();
        ExecutorActor.LaunchTask launch = new ExecutorActor.LaunchTask(42, "payload".getBytes(UTF_8), driver);

        ExecutorActor.LaunchTask back = roundTrip(launch);

        assertEquals(42, back.taskId());
        assertArrayEquals(launch.payload(), back.payload());
        assertEquals(driver.path(), back.replyTo().path());
    }

    @Test
    void recordsWithoutRefs_roundTrip_areEqual() throws Exception {
        assertEquals(new ExecutorActor.Status("exec-1", 2, 30, 4), roundTrip(new ExecutorActor.Status("exec-1", 2, 30, 4)));
        assertEquals(new ExecutorActor.Crash(), roundTrip(new ExecutorActor.Crash()));
        DriverEndpoint.TaskCrashed crashed = new DriverEndpoint.TaskCrashed(7, "exec-0", "boom");
        assertEquals(crashed, roundTrip(crashed));
    }

    @SuppressWarnings("unchecked")
    private <T> T roundTrip(T message) throws Exception {
        Serializer serializer = serialization.findSerializerFor(message);
        assertInstanceOf(KryoAkkaSerializer.class, serializer);
        return (T) serializer.fromBinary(serializer.toBinary(message), message.getClass());
    }
}
