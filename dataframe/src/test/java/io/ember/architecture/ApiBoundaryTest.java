package io.ember.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps user code's view of Ember to its API packages (issue 16): every package of the libraries
 * is an API package or an {@code internal} one, and no public or protected signature of an API
 * type names an engine type, so an application compiles against the API packages alone and the
 * engine can change behind them. Engine packages may use each other freely, across modules too.
 */
class ApiBoundaryTest {
    /**
     * What applications program against; everything else of Ember is in an {@code internal}
     * package. {@code io.ember.actors} holds one type, {@code ExecutorInfo}, which
     * {@code EmberContext.executors()} returns: the actors module cannot see rdd-core's packages.
     */
    static final Set<String> API_PACKAGES = Set.of(
            "io.ember.rdd", "io.ember.dataframe", "io.ember.dataframe.types", "io.ember.serializers",
            "io.ember.testing", "io.ember.actors");

    private static JavaClasses ember;

    @BeforeAll
    static void importEmber() {
        ember = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.ember");
    }

    @Test
    void everyPackageIsApiOrInternal() {
        Set<String> neither = new TreeSet<>();
        for (JavaClass c : ember) {
            String p = c.getPackageName();
            if (!API_PACKAGES.contains(p) && !p.contains(".internal") && !p.startsWith("io.ember.examples")
                    && !p.startsWith("io.ember.benchmarks")) {
                neither.add(p);
            }
        }
        assertEquals(Set.of(), neither, "packages that are neither API nor internal");
    }

    @Test
    void apiSignaturesNameNoEngineType() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass c : ember) {
            if (!API_PACKAGES.contains(c.getPackageName()) || !visible(c.getModifiers())) {
                continue;
            }
            for (JavaType t : supertypes(c)) {
                engineTypes(c.getName() + " extends", t, leaks);
            }
            for (JavaCodeUnit u : c.getCodeUnits()) {
                if (visible(u.getModifiers())) {
                    String where = c.getName() + "." + u.getName();
                    engineTypes(where + " returns", u.getReturnType(), leaks);
                    for (JavaType p : u.getParameterTypes()) {
                        engineTypes(where + " takes", p, leaks);
                    }
                }
            }
            for (JavaField f : c.getFields()) {
                if (visible(f.getModifiers())) {
                    engineTypes(c.getName() + "." + f.getName() + " is", f.getType(), leaks);
                }
            }
        }
        assertEquals(List.of(), leaks, "engine types in the public API (" + leaks.size() + ")");
    }

    @Test
    void theImportSeesBothLayers() {
        // Guards the two tests above against an import that finds nothing to check.
        assertEquals(true, ember.contain("io.ember.rdd.RDD"));
        assertEquals(true, ember.contain("io.ember.dataframe.DataFrame"));
    }

    private static List<JavaType> supertypes(JavaClass c) {
        List<JavaType> all = new ArrayList<>(c.getInterfaces());
        c.getSuperclass().ifPresent(all::add);
        return all;
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void engineTypes(String where, JavaType type, List<String> out) {
        for (JavaClass t : type.getAllInvolvedRawTypes()) {
            if (t.getPackageName().startsWith("io.ember") && t.getPackageName().contains(".internal")) {
                out.add(where + " " + t.getName());
            }
        }
    }
}
