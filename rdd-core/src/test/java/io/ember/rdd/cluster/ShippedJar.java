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
        Path sources = Files.createDirectories(dir.resolve("shipped-src/shipped"));
        Path classes = Files.createDirectories(dir.resolve("shipped-classes"));
        Files.writeString(sources.resolve("Where.java"), SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-cp", String.join(java.io.File.pathSeparator, WorkerJvms.testClassPath()),
                "-d", classes.toString(), sources.resolve("Where.java").toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed with status " + status);
        }
        Path jar = dir.resolve("shipped-app.jar");
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
