package io.ember.actors.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class RuntimeConfigTest {

    @Test
    void systemName_invalidCharacters_becomeDashes() {
        assertEquals("My-App-local-2-", RuntimeConfig.systemName("My App local[2]"));
        assertEquals("app_1-x", RuntimeConfig.systemName("app_1-x"));
    }

    @Test
    void systemName_withoutALeadingLetterOrDigit_isTrimmedOrDefaulted() {
        assertEquals("etl", RuntimeConfig.systemName("__etl"));
        assertEquals("ember", RuntimeConfig.systemName(""));
        assertEquals("ember", RuntimeConfig.systemName("???"));
    }

    @Test
    void load_defaults_bindEmberMessagesToKryoWithoutJavaSerialization() {
        Config config = RuntimeConfig.load(ConfigFactory.empty(), getClass().getClassLoader());

        assertEquals("local", config.getString("akka.actor.provider"));
        assertFalse(config.getBoolean("akka.actor.allow-java-serialization"));
        assertEquals("ember-kryo",
                config.getString("akka.actor.serialization-bindings.\"io.ember.actors.internal.EmberMessage\""));
        assertEquals(KryoAkkaSerializer.class.getName(), config.getString("akka.actor.serializers.ember-kryo"));
    }

    @Test
    void load_overrides_winOverEmberDefaults() {
        Config config = RuntimeConfig.load(ConfigFactory.parseString("akka.loglevel = ERROR"),
                getClass().getClassLoader());

        assertEquals("ERROR", config.getString("akka.loglevel"));
    }
}
