package io.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Pi example (bin/ember-example pi) prints an estimate close to pi. */
class PiTest {

    @Test
    @Timeout(60)
    void pi_isRoughlyPi() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Pi.main(new String[] {"2"});
        } finally {
            System.setOut(out);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("Pi is roughly (\\d\\.\\d+) \\(4,000,000 points in 2 slices\\)").matcher(printed);
        assertTrue(m.find(), printed);
        assertEquals(Math.PI, Double.parseDouble(m.group(1)), 0.01);
    }
}
