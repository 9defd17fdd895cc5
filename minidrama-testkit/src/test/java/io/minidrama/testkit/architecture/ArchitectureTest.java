package io.minidrama.testkit.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of the design: domain ← ports ← protocol ← transports; adapters never see
 * each other; nobody reaches into another module's {@code internal} package; JSON-B stays in the
 * protocol, which knows no HTTP client; a transport knows only the JDK and the protocol's SPI; the
 * emulator knows neither JUnit nor the protocol nor the HTTP adapter; no cycles; no checked exceptions
 * in public API; logging through System.Logger. (The CLI's own rules are in the CLI's tests: its
 * classes are not on this module's class path.)
 */
@AnalyzeClasses(packages = "io.minidrama", importOptions = {ImportOption.DoNotIncludeTests.class})
class ArchitectureTest {
    /** Slices by module: io.minidrama.domain, io.minidrama.adapter.fake, ... */
    private static final SliceAssignment MODULES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.startsWith("io.minidrama.") ? SliceIdentifier.of(moduleOf(pkg)) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "modules of io.minidrama";
        }
    };


    /** Guards the rules below against passing vacuously: every module's classes are imported. */
    @ArchTest
    static void imports_every_module(JavaClasses classes) {
        for (String name : List.of("io.minidrama.domain.media.UploadSession", "io.minidrama.port.service.MiniDrama",
                "io.minidrama.events.PushEventReceiver", "io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter",
                "io.minidrama.adapter.jdkhttp.JdkHttpTransport", "io.minidrama.adapter.jdkhttp.JdkHttpTransport$BodyStream",
                "io.minidrama.protocol.MiniDramaClient", "io.minidrama.protocol.internal.Mapping", "io.minidrama.adapter.fake.InMemoryMiniDramaPlatform",
                "io.minidrama.emulator.MiniDramaEmulator", "io.minidrama.emulator.internal.WireRequests",
                "io.minidrama.testkit.MiniDramaExtension")) {
            if (!classes.contain(name)) {
                throw new AssertionError("ArchUnit did not import " + name + ": the rules would pass vacuously");
            }
        }
    }

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = classes()
            .that().resideInAPackage("io.minidrama.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.minidrama.domain..", "java..")
            .because("the domain is pure: JDK only, no JSON, no HTTP");

    @ArchTest
    static final ArchRule ports_depend_only_on_domain_and_jdk = classes()
            .that().resideInAPackage("io.minidrama.port..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.minidrama.port..", "io.minidrama.domain..", "java..")
            .because("ports speak in domain types only and know no adapter");

    @ArchTest
    static final ArchRule fake_adapter_does_not_depend_on_http_adapter = noClasses()
            .that().resideInAPackage("io.minidrama.adapter.fake..")
            .should().dependOnClassesThat().resideInAPackage("io.minidrama.adapter.jdkhttp..")
            .because("adapters are interchangeable and never depend on each other");

    @ArchTest
    static final ArchRule http_adapter_does_not_depend_on_fake_adapter = noClasses()
            .that().resideInAPackage("io.minidrama.adapter.jdkhttp..")
            .should().dependOnClassesThat().resideInAPackage("io.minidrama.adapter.fake..")
            .because("adapters are interchangeable and never depend on each other");

    @ArchTest
    static final ArchRule domain_and_ports_know_no_adapter = noClasses()
            .that().resideInAnyPackage("io.minidrama.domain..", "io.minidrama.port..", "io.minidrama.events..")
            .should().dependOnClassesThat().resideInAnyPackage("io.minidrama.adapter..", "io.minidrama.emulator..",
                    "io.minidrama.testkit..", "io.minidrama.protocol..")
            .because("the core is independent of its transports");

    @ArchTest
    static final ArchRule emulator_depends_on_no_test_framework = noClasses()
            .that().resideInAPackage("io.minidrama.emulator..")
            .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..", "io.minidrama.testkit..")
            .because("the emulator ships in the CLI's jar; JUnit glue belongs to the testkit, which depends on the emulator");

    @ArchTest
    static final ArchRule emulator_is_independent_of_the_http_adapter = noClasses()
            .that().resideInAPackage("io.minidrama.emulator..")
            .should().dependOnClassesThat().resideInAnyPackage("io.minidrama.adapter.jdkhttp..", "io.minidrama.protocol..")
            .because("the emulator is an independent, strict check of the wire: sharing the adapter's codec would let both agree on the same mistake");

    @ArchTest
    static final ArchRule nobody_uses_another_modules_internals = classes()
            .should(notDependOnAnotherModulesInternals())
            .because("an internal package is private to its module");

    @ArchTest
    static final ArchRule json_binding_stays_in_the_protocol = noClasses()
            .that().resideOutsideOfPackage("io.minidrama.protocol..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.json.bind..")
            .because("the wire format is the protocol's business; the domain carries no JSON annotations");

    @ArchTest
    static final ArchRule protocol_depends_only_on_jdk_domain_ports_json_and_caffeine = classes()
            .that().resideInAPackage("io.minidrama.protocol..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.minidrama.protocol..", "io.minidrama.domain..",
                    "io.minidrama.port..", "java..", "jakarta.json..", "com.github.benmanes.caffeine..")
            .because("the protocol is the wire format and the call pipeline, over any transport");

    @ArchTest
    static final ArchRule protocol_uses_no_http_client = noClasses()
            .that().resideInAPackage("io.minidrama.protocol..")
            .should().dependOnClassesThat().resideInAPackage("java.net.http..")
            .because("the protocol is transport-independent: an HTTP client lives behind io.minidrama.protocol.spi.HttpTransport");

    /** The JDK transport's classes (and their nested ones). */
    private static final String JDK_TRANSPORT = "io\\.minidrama\\.adapter\\.jdkhttp\\.JdkHttpTransport(\\$.*)?";

    @ArchTest
    static final ArchRule jdk_transport_depends_only_on_the_jdk_and_the_spi = classes()
            .that().haveNameMatching(JDK_TRANSPORT)
            .should().onlyDependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                            "java..", "io.minidrama.protocol.spi..", "io.minidrama.domain.error..")
                    .or(com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(JDK_TRANSPORT)))
            .because("a transport carries one exchange: it knows the JDK and the protocol's SPI, not the wire format");

    @ArchTest
    static final ArchRule modules_are_free_of_cycles = slices()
            .assignedFrom(MODULES)
            .should().beFreeOfCycles()
            .because("modules depend one way: domain <- ports <- adapters, emulator <- testkit, cli");

    @ArchTest
    static final ArchRule core_packages_are_free_of_cycles = slices()
            .matching("io.minidrama.(domain|port).(**)")
            .should().beFreeOfCycles()
            .because("the core's packages depend one way; only a module's public package and its own internal package may see each other");

    @ArchTest
    static final ArchRule public_api_throws_no_checked_exceptions = methods()
            .that().arePublic().and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
            // RequestBody#open's IOException is read by transports only, inside the SPI
            .and().areDeclaredInClassesThat().resideOutsideOfPackage("io.minidrama.protocol.spi..")
            .and().doNotHaveName("main")
            // The transport SPI's one checked exception: transports call it, never the SDK's users,
            // and its Javadoc keeps the IOException inside the SPI (transports report it as TransportException).
            .and().doNotHaveFullName("io.minidrama.protocol.spi.RequestBody.open()")
            .should(declareNoCheckedExceptions())
            .because("adapters must not leak checked exceptions to callers");

    @ArchTest
    static final ArchRule libraries_do_not_write_to_standard_streams = noClasses()
            .that().resideOutsideOfPackages("io.minidrama.cli..")
            .and().doNotHaveSimpleName("MiniDramaEmulator")
            .should(ACCESS_STANDARD_STREAMS)
            .because("libraries log through System.Logger; only command-line entry points print");

    @ArchTest
    static final ArchRule no_generic_exceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("errors are typed: MiniDramaException and its branches");

    @ArchTest
    static final ArchRule no_java_util_logging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("logging goes through System.Logger");

    /** British spellings a public name must not use: the platform's own words are US (authorize, initializing). */
    static final java.util.regex.Pattern BRITISH = java.util.regex.Pattern.compile(
            "(?i)authoris|initialis|licence|colour|behaviour|cancell|serialis|normalis|organis|recognis|catalogue");

    @ArchTest
    static final ArchRule public_names_use_us_spelling = classes()
            .that().arePublic().and().resideOutsideOfPackage("..internal..")
            .should(haveUsSpellingInPublicNames())
            .because("the public API has one spelling, the platform's own (authorize, initializing, license, canceled)");

    @ArchTest
    static final ArchRule no_class_shadows_a_jdk_exception = classes()
            .should(notShareTheSimpleNameOfAJdkThrowable())
            .because("an import of io.minidrama...TimeoutException silently hides java.util.concurrent.TimeoutException from the caller's code");

    @ArchTest
    static final ArchRule libraries_construct_no_unchecked_io_exception = noClasses()
            .that().resideInAnyPackage("io.minidrama.domain..", "io.minidrama.port..", "io.minidrama.events..",
                    "io.minidrama.adapter.redis..", "io.minidrama.adapter.fake..", "io.minidrama.protocol..",
                    "io.minidrama.adapter.jdkhttp..", "io.minidrama.adapter.apache..", "io.minidrama.testkit..",
                    "io.minidrama.emulator..")
            .and().doNotHaveFullyQualifiedName("io.minidrama.domain.media.ByteSource$FileRegion")
            .and().doNotHaveFullyQualifiedName("io.minidrama.domain.media.ByteSource$1")
            .should().callConstructorWhere(com.tngtech.archunit.base.DescribedPredicate.describe("UncheckedIOException is constructed",
                    call -> call.getTargetOwner().isAssignableTo(java.io.UncheckedIOException.class)))
            .because("I/O failures reach callers as the project's typed exceptions (InvalidRequestException, CheckpointStorageException, "
                    + "TransportException), never as UncheckedIOException; ByteSource#openStream is the one exception left (it is read "
                    + "while a body is sent)");

    /** The domain's types for platform state: a client reads them; only the platform (the fake) moves them. */
    static final java.util.Set<String> PLATFORM_STATE = java.util.Set.of("io.minidrama.domain.drama.Drama", "io.minidrama.domain.media.Media");

    @ArchTest
    static final ArchRule platform_state_exposes_no_server_side_transitions = methods()
            .that().areDeclaredInClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("are platform state " + PLATFORM_STATE,
                    c -> PLATFORM_STATE.contains(c.getName())))
            .and().arePublic().and().areNotStatic()
            .should(notReturnTheirDeclaringType())
            .because("a drama's or a media's moves (submitted for review, reviewed, a replacement or an information change submitted, "
                    + "reviewed or applied) are the platform's: a client asks the platform and reads the result; the fake makes them "
                    + "in its internal DramaLifecycle, the domain keeps the rules as checks (checkReplacement, checkInfoChange, ...)");

    /** The module root a package belongs to: io.minidrama.domain, io.minidrama.adapter.fake, ... */
    static String moduleOf(String pkg) {
        String[] p = pkg.split("\\.");
        if (p.length < 3) {
            return pkg;
        }
        int depth = p[2].equals("adapter") && p.length > 3 ? 4 : 3;
        return String.join(".", java.util.Arrays.copyOf(p, Math.min(depth, p.length)));
    }

    private static ArchCondition<JavaClass> notDependOnAnotherModulesInternals() {
        return new ArchCondition<>("not depend on another module's internal packages") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    if (target.startsWith("io.minidrama.") && target.contains(".internal")
                            && !moduleOf(target).equals(moduleOf(item.getPackageName()))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaMethod> notReturnTheirDeclaringType() {
        return new ArchCondition<>("not return their declaring type (a transition to a new state)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (method.getRawReturnType().equals(method.getOwner())) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns a new "
                            + method.getOwner().getSimpleName() + ": a server-side transition in the domain's public API"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> haveUsSpellingInPublicNames() {
        return new ArchCondition<>("have US spelling in their name and in their public members' names") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                List<String> names = new java.util.ArrayList<>();
                names.add(item.getSimpleName());
                item.getMethods().stream().filter(m -> m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                        .forEach(m -> names.add(m.getName()));
                item.getFields().stream().filter(f -> f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                        .forEach(f -> names.add(f.getName()));
                for (String name : names) {
                    if (BRITISH.matcher(name).find()) {
                        events.add(SimpleConditionEvent.violated(item, item.getName() + " has the British spelling " + name));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> notShareTheSimpleNameOfAJdkThrowable() {
        return new ArchCondition<>("not share the simple name of a JDK exception") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (String pkg : List.of("java.lang", "java.io", "java.util", "java.util.concurrent", "java.net", "java.net.http",
                        "java.nio", "java.nio.file", "java.time", "java.security")) {
                    try {
                        Class<?> jdk = Class.forName(pkg + "." + item.getSimpleName(), false, ClassLoader.getPlatformClassLoader());
                        if (Throwable.class.isAssignableFrom(jdk)) {
                            events.add(SimpleConditionEvent.violated(item, item.getName() + " shadows " + jdk.getName()));
                        }
                    } catch (ClassNotFoundException | LinkageError notInTheJdk) {
                        // no namesake in that package
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaMethod> declareNoCheckedExceptions() {
        return new ArchCondition<>("declare no checked exceptions") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaClass thrown : method.getThrowsClause().getTypes()) {
                    boolean unchecked = thrown.isAssignableTo(RuntimeException.class) || thrown.isAssignableTo(Error.class);
                    if (!unchecked) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " throws checked " + thrown.getName()));
                    }
                }
            }
        };
    }
}
