package io.ember.rdd.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.EmberContext;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ember.ui.* settings: the port and its fallback, disabling the UI, and bad values. */
@Timeout(60)
class UiSettingsTest {

    @Test
    void takenPort_movesToTheNextFreeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            try (EmberContext sc = EmberContext.builder().master("local[1]")
                    .config(UiConf.UI_PORT, Integer.toString(port)).getOrCreate()) {
                int used = Integer.parseInt(sc.uiWebUrl().get().replaceAll(".*:", ""));
                assertTrue(used > port && used <= port + 16, port + " -> " + used);
                assertEquals(200, Http.get(sc.uiWebUrl().get() + "/jobs/").statusCode());
            }
        }
    }

    @Test
    void everyPortTaken_runsWithoutTheUi() throws Exception {
        java.util.List<ServerSocket> taken = new java.util.ArrayList<>();
        try {
            int base = takeConsecutivePorts(taken, 17);
            try (EmberContext sc = EmberContext.builder().master("local[1]")
                    .config(UiConf.UI_PORT, Integer.toString(base)).getOrCreate()) {
                assertTrue(sc.uiWebUrl().isEmpty());
                assertEquals(3L, sc.parallelize(io.vavr.collection.List.of(1, 2, 3)).count());
            }
        } finally {
            for (ServerSocket socket : taken) {
                socket.close();
            }
        }
    }

    @Test
    void closedContext_stopsItsUi() {
        String url;
        try (EmberContext sc = EmberContext.builder().master("local[1]").config(UiConf.UI_PORT, "0").getOrCreate()) {
            url = sc.uiWebUrl().get();
            assertEquals(200, Http.get(url + "/jobs/").statusCode());
        }
        assertThrows(java.io.UncheckedIOException.class, () -> Http.get(url + "/jobs/"));
    }

    @Test
    void disabledUi_hasNoAddress() {
        try (EmberContext sc = EmberContext.builder().master("local[1]").config(UiConf.UI_ENABLED, "false")
                .getOrCreate()) {
            assertTrue(sc.uiWebUrl().isEmpty());
            assertTrue(sc.applicationId().startsWith("local-"), sc.applicationId());
        }
    }

    @Test
    void badValues_areRejectedNamingTheSetting() {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class, () ->
                EmberContext.builder().master("local[1]").config(UiConf.UI_PORT, "70000").getOrCreate());
        assertTrue(port.getMessage().contains("ember.ui.port"), port.getMessage());
        IllegalArgumentException enabled = assertThrows(IllegalArgumentException.class, () ->
                EmberContext.builder().master("local[1]").config(UiConf.UI_ENABLED, "yes").getOrCreate());
        assertTrue(enabled.getMessage().contains("ember.ui.enabled"), enabled.getMessage());
    }

    /** Binds {@code count} consecutive loopback ports and returns the first. */
    private static int takeConsecutivePorts(java.util.List<ServerSocket> taken, int count) throws Exception {
        for (int base = 47000; base < 60000; base += count) {
            try {
                for (int port = base; port < base + count; port++) {
                    taken.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
                }
                return base;
            } catch (java.io.IOException busy) {
                for (ServerSocket socket : taken) {
                    socket.close();
                }
                taken.clear();
            }
        }
        throw new IllegalStateException("no free range of " + count + " ports");
    }
}
