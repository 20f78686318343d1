package io.ember.serializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Function;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classes that only a separate class loader can see, the way a JShell snippet's classes are
 * only visible through JShell's loader: a small source compiled at test time into a temporary
 * directory that is not on the class path.
 */
class ClassLoaderTest {
    private static final String SNIPPET = """
            package snippet;

            import java.io.Serializable;
            import java.util.function.Function;

            public class Snippet {
                public record Point(int x, int y) implements Serializable {
                }

                private final int offset;

                public Snippet(int offset) {
                    this.offset = offset;
                }

                public static Function<Integer, Integer> adder(int n) {
                    return (Function<Integer, Integer> & Serializable) x -> x + n;
                }

                public Function<Integer, Integer> shifter() {
                    return (Function<Integer, Integer> & Serializable) x -> x + offset;
                }

                public static Object point(int x, int y) {
                    return new Point(x, y);
                }
            }
            """;

    @TempDir
    static Path classes;

    private final Codec codec = Codecs.kryo();

    @BeforeAll
    static void compileSnippet() throws IOException {
        Path source = classes.resolve("snippet/Snippet.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SNIPPET);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "these tests need a JDK");
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), source.toString()));
    }

    @Test
    void lambda_fromAnotherLoader_isResolvedThroughTheGivenLoader() throws Exception {
        URLClassLoader snippets = newLoader();
        Function<Integer, Integer> adder = invoke(snippets, "adder", 5);

        Function<Integer, Integer> back = codec.deserialize(codec.serialize(adder), snippets);

        assertEquals(8, back.apply(3));
        assertSame(snippets, back.getClass().getClassLoader());
    }

    @Test
    void lambda_capturingAnInstanceFromAnotherLoader_roundTrips() throws Exception {
        URLClassLoader snippets = newLoader();
        Object snippet = snippets.loadClass("snippet.Snippet").getConstructor(int.class).newInstance(100);
        @SuppressWarnings("unchecked")
        Function<Integer, Integer> shifter = (Function<Integer, Integer>) snippet.getClass()
                .getMethod("shifter").invoke(snippet);

        Function<Integer, Integer> back = codec.deserialize(codec.serialize(shifter), snippets);

        assertEquals(101, back.apply(1));
    }

    @Test
    void sameBytes_readWithTwoLoaders_giveEachLoadersClasses() throws Exception {
        URLClassLoader first = newLoader();
        URLClassLoader second = newLoader();
        byte[] bytes = codec.serialize(first.loadClass("snippet.Snippet").getMethod("point", int.class, int.class)
                .invoke(null, 1, 2));

        // Read on one thread so that one pooled Kryo sees both loaders in turn.
        Object fromFirst = codec.deserialize(bytes, first);
        Object fromSecond = codec.deserialize(bytes, second);

        assertSame(first, fromFirst.getClass().getClassLoader());
        assertSame(second, fromSecond.getClass().getClassLoader());
        assertEquals(fromFirst.toString(), fromSecond.toString());
    }

    @Test
    void recordReader_resolvesThroughTheGivenLoader() throws Exception {
        URLClassLoader snippets = newLoader();
        Object point = snippets.loadClass("snippet.Snippet").getMethod("point", int.class, int.class)
                .invoke(null, 3, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Codec.RecordWriter writer = codec.newWriter(out)) {
            writer.write(point);
            writer.write(invoke(snippets, "adder", 2));
        }

        Iterator<Object> records = codec.newReader(new ByteArrayInputStream(out.toByteArray()), snippets);

        assertEquals(point, records.next());
        @SuppressWarnings("unchecked")
        Function<Integer, Integer> adder = (Function<Integer, Integer>) records.next();
        assertEquals(3, adder.apply(1));
    }

    @Test
    void deserialize_withALoaderThatCannotSeeTheClass_fails() throws Exception {
        byte[] bytes = codec.serialize(invoke(newLoader(), "adder", 1));

        SerializationException e = assertThrows(
                SerializationException.class, () -> codec.deserialize(bytes, ClassLoader.getPlatformClassLoader()));
        assertTrue(e.getMessage().contains("snippet.Snippet"), e.getMessage());
    }

    private static URLClassLoader newLoader() throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @SuppressWarnings("unchecked")
    private static Function<Integer, Integer> invoke(ClassLoader loader, String method, int argument)
            throws ReflectiveOperationException {
        return (Function<Integer, Integer>) loader.loadClass("snippet.Snippet")
                .getMethod(method, int.class).invoke(null, argument);
    }
}
