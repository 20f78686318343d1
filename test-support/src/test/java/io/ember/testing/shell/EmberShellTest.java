package io.ember.testing.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/ember-shell} on scripts as a user would (the class path, with DataFrames on it,
 * given through EMBER_CLASSPATH so that it uses these classes and does not build), and checks
 * what it prints.
 */
@Timeout(120)
class EmberShellTest {

    @Test
    void script_runsWithScDefined_andClosingTheShellStopsTheContext(@TempDir Path dir) throws Exception {
        Path jar = greeterJar(dir);
        Path script = Files.writeString(dir.resolve("script.jsh"), String.join("\n",
                "System.out.println(sc.parallelize(List.range(1, 10001)).filter(x -> x < 10).collect());",
                "System.out.println(sc.parallelize(List.of(\"jars\"), 1).map(s -> greeting.Greeter.greet(s)).collect());",
                "var jdk = new HashMap<String, Integer>();",
                "jdk.put(\"k\", 1);",
                "System.out.println(\"vavr \" + List.of(1, 2).getClass().getName() + \" jdk \" + jdk);",
                "System.out.println(\"app \" + sc.appName() + \" on \" + sc.master() + \" parallelism \" + sc.defaultParallelism());",
                "System.out.println(sc.parallelize(List.of(1, 2), 1).map(x -> x + 1).toDebugString());",
                ""));
        Path logs = dir.resolve("events");
        Launcher.Result result = shell("--master", "local[2]", "--conf", "ember.eventLog.dir=" + logs,
                "--conf=ember.ui.port=0", "--conf", "ember.app.name=shell-test", "--jars", jar.toString(),
                script.toString());
        assertEquals(0, result.exitCode(), result.output());
        String out = result.output();
        assertTrue(out.contains("Welcome to") && out.contains("version "), out);
        assertTrue(out.contains("Ember context Web UI available at http://127.0.0.1:"), out);
        assertTrue(out.contains("Ember context available as 'sc' (master = local[2], app id = local-"), out);
        assertTrue(out.contains("Ember session available as 'spark'."), out);
        assertTrue(out.contains("List(1, 2, 3, 4, 5, 6, 7, 8, 9)"), out);
        assertTrue(out.contains("vavr io.vavr.collection.List$Cons jdk {k=1}"), out);
        assertTrue(out.contains("List(hello from a jar, jars)"), "--jars reaches the executors: " + out);
        assertTrue(out.contains("app shell-test on local[2] parallelism 2"), out);
        assertTrue(java.util.regex.Pattern.compile("MapPartitionsRDD\\[\\d+] at map at <console>:\\d+ ").matcher(out).find()
                && java.util.regex.Pattern.compile(" at parallelize at <console>:\\d+ ").matcher(out).find(),
                "snippets are call sites, as in spark-shell: " + out);
        assertFalse(out.contains("Error:") || out.contains("Exception"), out);

        List<Path> written = Files.list(logs).toList();
        assertEquals(1, written.size(), written.toString());
        assertFalse(written.get(0).toString().endsWith(".inprogress"), "the context was stopped: " + written);
        List<String> lines = Files.readAllLines(written.get(0));
        assertTrue(lines.get(lines.size() - 1).contains("\"ApplicationEnd\""), lines.get(lines.size() - 1));
    }

    @Test
    void tour_runsToTheEnd() throws Exception {
        Launcher.Result result = shell("--master", "local[2]", "--conf", "ember.ui.port=0",
                Launcher.ROOT.resolve("docs/tour.jsh").toString());
        String out = result.output();
        assertEquals(0, result.exitCode(), out);
        assertTrue(out.contains("small numbers: List(1, 2, 3, 4, 5, 6, 7, 8, 9)"), out);
        assertTrue(out.contains("sum of squares: 333383335000"), out);
        assertTrue(out.contains("most frequent: List((the, 3), (brown, 1))"), out);
        assertTrue(out.contains("ShuffledRDD"), out);
        assertTrue(out.contains("shifted: List(101, 102, 103)"), out);
        assertTrue(out.contains("job failed, cause: java.lang.ArithmeticException: / by zero"), out);
        assertTrue(out.contains("jobs run: http://127.0.0.1:"), out);
        assertTrue(out.contains(String.join("\n",
                "+-------+-----+",
                "|borough|trips|",
                "+-------+-----+",
                "|  Bronx|    1|",
                "| Queens|    2|",
                "+-------+-----+")), out);
        assertFalse(out.contains("Error:"), out);
    }

    @Test
    void badOption_isRejectedWithUsage() throws Exception {
        Launcher.Result unknown = shell("--nope");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.output().contains("unknown option --nope") && unknown.output().contains("Usage:"),
                unknown.output());
        Launcher.Result badConf = shell("--conf", "spark.ui.port=1");
        assertEquals(2, badConf.exitCode());
        assertTrue(badConf.output().contains("not an ember.* key=value setting"), badConf.output());
    }

    @Test
    void contextThatFailsToStart_printsTheCause_andExitsNonZero(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("never.jsh"), "System.out.println(\"reached the script\");\n");
        for (List<String> args : List.of(List.of("--master", "local[zero]"),
                List.of("--master", "local[zero]", script.toString()))) {
            Launcher.Result result = shell(args.toArray(String[]::new));
            String out = result.output();
            assertEquals(1, result.exitCode(), out);
            assertTrue(out.contains("ember-shell: Ember failed to start:") && out.contains("local[zero]"), out);
            assertFalse(out.contains("reached the script") || out.contains("Welcome to"), out);
        }
    }

    @Test
    void scriptThatThrows_stopsThere_withExitStatusOne_andEchoesValues(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("failing.jsh"), String.join("\n",
                "// a notebook whose second cell fails",
                "int three = 1 + 2;",
                "sc.parallelize(List.of(1, 2, 3), 2).map(x -> x * 10).collect()",
                "",
                "int broken = 1 / (three - 3);",
                "System.out.println(\"after the failure\");",
                ""));
        Launcher.Result result = shell("--master", "local[2]", "--conf", "ember.ui.enabled=false", script.toString());
        String out = result.output();
        assertEquals(1, result.exitCode(), out);
        assertTrue(out.contains("three ==> 3"), out);
        assertTrue(out.contains("==> List(10, 20, 30)"), out);
        assertTrue(out.contains("failing.jsh:5: Exception java.lang.ArithmeticException: / by zero"), out);
        assertFalse(out.contains("after the failure"), out);

        Launcher.Result goOn = shell("--master", "local[2]", "--conf", "ember.ui.enabled=false",
                "--continue-on-error", "--no-echo", script.toString());
        assertEquals(1, goOn.exitCode(), goOn.output());
        assertTrue(goOn.output().contains("after the failure"), goOn.output());
        assertFalse(goOn.output().contains("three ==> 3"), goOn.output());
    }

    @Test
    void scriptThatDoesNotCompile_namesTheLine_andExitsNonZero(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("typo.jsh"), "int ok = 1;\nint bad = \"text\";\n");
        Launcher.Result result = shell("--master", "local[1]", "--conf", "ember.ui.enabled=false", script.toString());
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("Error at " + script + ":2"), result.output());
        assertTrue(result.output().contains("incompatible types"), result.output());
    }

    @Test
    void interactiveShell_printsOneBanner() throws Exception {
        Launcher.Result result = shell("--master", "local[1]", "--conf", "ember.ui.enabled=false");
        String out = result.output();
        assertEquals(0, result.exitCode(), out);
        assertEquals(1, out.split("Welcome to", -1).length - 1, out);
        assertFalse(out.contains("JShell --"), out);
    }

    @Test
    void help_listsEveryMasterForm() throws Exception {
        Launcher.Result help = shell("--help");
        assertEquals(0, help.exitCode());
        for (String form : List.of("local ", "local[N]", "local[*]", "ember://host:port[,host:port...]",
                "--continue-on-error", "--no-echo")) {
            assertTrue(help.output().contains(form), form + " in\n" + help.output());
        }
    }

    /** A jar with one class, {@code greeting.Greeter}, compiled here, for --jars. */
    private static Path greeterJar(Path dir) throws Exception {
        Path source = Files.createDirectories(dir.resolve("src/greeting")).resolve("Greeter.java");
        Files.writeString(source, "package greeting; public final class Greeter {"
                + " public static String greet(String who) { return \"hello from a jar, \" + who; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int compiled = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", classes.toString(), source.toString());
        assertEquals(0, compiled);
        Path jar = dir.resolve("greeter.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("greeting/Greeter.class"));
            out.write(Files.readAllBytes(classes.resolve("greeting/Greeter.class")));
            out.closeEntry();
        }
        return jar;
    }

    private static Launcher.Result shell(String... args) throws Exception {
        return Launcher.run("bin/ember-shell", args);
    }
}
