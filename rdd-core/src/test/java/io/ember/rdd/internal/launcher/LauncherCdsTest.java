package io.ember.rdd.internal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/ember-submit's class-data-sharing archive (bin/lib/cds.sh): the first launch starts a
 * training run in the background, a launch after it maps Ember's classes from the archive, and
 * an archive cut short (which would crash HotSpot) is deleted before use and made again. CDS
 * archives jars only, so Ember's class directories are packed into jars here first; the launcher
 * runs the training class itself as the application, and builds nothing (EMBER_CLASSPATH).
 */
class LauncherCdsTest {
    private static final String ARCHIVED = "io.ember.rdd.EmberContext source: shared objects file (top)";

    @Test
    @Timeout(240)
    void secondLaunchUsesTheArchive_andAnArchiveCutShortIsRemade(@TempDir Path dir) throws Exception {
        String classPath = jarsOnly(dir.resolve("jars"));
        Path cache = dir.resolve("cds");

        assertEquals(0, submit(dir, classPath, cache, "on").exitCode(), "first launch");
        Path archive = awaitArchive(cache);

        Launch second = submit(dir, classPath, cache, "on");
        assertEquals(0, second.exitCode(), second.output());
        assertTrue(second.classLog().contains(ARCHIVED), "the second launch did not map EmberContext from the archive");

        Launch off = submit(dir, classPath, cache, "off");
        assertEquals(0, off.exitCode(), off.output());
        assertFalse(off.classLog().contains("shared objects file (top)"), "EMBER_CDS=off still used the archive");

        byte[] whole = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);
        Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 10));
        Launch cutShort = submit(dir, classPath, cache, "on");
        assertEquals(0, cutShort.exitCode(), cutShort.output());
        assertFalse(cutShort.classLog().contains("shared objects file (top)"));
        assertTrue(Files.size(awaitArchive(cache)) > whole.length / 2, "the archive was not made again whole");
    }

    @Test
    @Timeout(180)
    void cdsNow_trainsTheArchiveBeforeReturning(@TempDir Path dir) throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        Path cache = dir.resolve("cds");
        Path out = dir.resolve("options.txt");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "ember_root=\"$1\"; . \"$1/bin/lib/cds.sh\"; ember_cds_now \"$2\"; printf '%s\\n' \"${ember_cds_opts[@]}\"",
                "cds-now", root.toString(), jarsOnly(dir.resolve("jars")))
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("EMBER_CDS_DIR", cache.toString());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + System.getenv("PATH"));
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(150, TimeUnit.SECONDS), "ember_cds_now did not return");
        } finally {
            process.destroyForcibly();
        }
        String options = Files.readString(out);
        assertEquals(0, process.exitValue(), options);
        Path archive = awaitArchive(cache);
        assertTrue(options.lines().anyMatch(o -> o.equals("-XX:SharedArchiveFile=" + archive)),
                "ember_cds_now returned before its archive was made: " + options);
    }

    @Test
    @Timeout(60)
    void unknownSetting_isAnError(@TempDir Path dir) throws Exception {
        Launch launch = submit(dir, jarsOnly(dir.resolve("jars")), dir.resolve("cds"), "sometimes");
        assertEquals(2, launch.exitCode());
        assertTrue(launch.output().contains("EMBER_CDS='sometimes' is not 'on' or 'off'"), launch.output());
    }

    private record Launch(int exitCode, String output, String classLog) {}

    private static Launch submit(Path dir, String classPath, Path cache, String cds) throws Exception {
        Path submit = Path.of(System.getProperty("user.dir")).getParent().resolve("bin").resolve("ember-submit");
        Path log = Files.createTempFile(dir, "launch", ".log");
        Path classLog = Files.createTempFile(dir, "classes", ".log");
        ProcessBuilder builder = new ProcessBuilder(submit.toString(), "--class", StartupTraining.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("EMBER_CLASSPATH", classPath);
        env.put("EMBER_CDS_DIR", cache.toString());
        env.put("EMBER_CDS", cds);
        env.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        env.put("TMPDIR", dir.toString());
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "ember-submit did not finish");
            return new Launch(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8),
                    Files.readString(classLog, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    /** Waits for the background training run's archive (a whole one: named with its size). */
    private static Path awaitArchive(Path cache) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(cache)) {
                try (Stream<Path> files = Files.list(cache)) {
                    List<Path> archives = files.filter(p -> p.toString().endsWith(".jsa")).toList();
                    for (Path archive : archives) {
                        String name = archive.getFileName().toString();
                        long named = Long.parseLong(name.substring(name.lastIndexOf('-') + 1, name.length() - 4));
                        if (Files.size(archive) == named) {
                            return archive;
                        }
                    }
                }
                Path failed;
                try (Stream<Path> files = Files.list(cache)) {
                    failed = files.filter(p -> p.toString().endsWith(".failed")).findFirst().orElse(null);
                }
                if (failed != null) {
                    throw new AssertionError("the training run failed:\n" + Files.readString(failed));
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no archive in " + cache + " after 120 s");
    }

    /** This test's class path with each directory of classes packed into a jar (CDS archives jars only). */
    private static String jarsOnly(Path jars) throws IOException {
        Files.createDirectories(jars);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.isEmpty() || !Files.exists(path)) {
                continue;
            }
            if (Files.isDirectory(path)) {
                Path jar = jars.resolve("dir-" + n++ + ".jar");
                pack(path, jar);
                entries.add(jar.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void pack(Path directory, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
             Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new JarEntry(directory.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, jarOut);
                jarOut.closeEntry();
            }
        }
    }
}
