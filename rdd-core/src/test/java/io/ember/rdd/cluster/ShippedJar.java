package io.ember.rdd.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles a tiny application jar at test time, {@code shipped.Where}: a function that answers
 * where its own class was loaded from. Neither the driver's nor the workers' class path has it.
 */
final class ShippedJar {
    private static final String SOURCE = """
            package shipped;

            public class Where implements io.vavr.Function1<Integer, String> {
                private static final long serialVersionUID = 1L;

                @Override
                public String apply(Integer x) {
                    return Where.class.getProtectionDomain().getCodeSource().getLocation().toString();
                }
            }
            """;

    private ShippedJar() {
    }

    static Path build(Path dir) throws IOException {
        return compile(dir, "shipped-app", java.util.Map.of("shipped.Where", SOURCE));
    }

    /**
     * Compiles {@code sources} (source text by fully qualified class name) against the test class
     * path and any {@code otherJars}, and packs the classes into {@code dir/<name>.jar}.
     */
    static Path compile(Path dir, String name, java.util.Map<String, String> sources, Path... otherJars)
            throws IOException {
        Path sourceDir = Files.createDirectories(dir.resolve(name + "-src"));
        Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
        java.util.List<String> args = new java.util.ArrayList<>();
        java.util.List<String> classPath = new java.util.ArrayList<>(WorkerJvms.testClassPath());
        for (Path jar : otherJars) {
            classPath.add(jar.toString());
        }
        args.addAll(java.util.List.of("-cp", String.join(java.io.File.pathSeparator, classPath), "-d", classes.toString()));
        for (java.util.Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac failed with status " + status);
        }
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
