package io.minidrama.adapter.apache;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

/**
 * The transport's boundary: it moves bytes and knows nothing of the platform. (The transport and
 * platform contract suites run over this transport in the testkit's tests, which depend on this
 * module; these rules stay next to the code they guard.)
 */
@AnalyzeClasses(packages = "io.minidrama.adapter.apache", importOptions = {ImportOption.DoNotIncludeTests.class})
class ApacheArchitectureTest {
    /** Guards the rules below against passing vacuously: the transport's classes are imported. */
    @ArchTest
    static void imports_the_transport(JavaClasses classes) {
        for (String name : new String[] {"io.minidrama.adapter.apache.ApacheHttpTransport", "io.minidrama.adapter.apache.StreamingEntity"}) {
            if (!classes.contain(name)) {
                throw new AssertionError("ArchUnit did not import " + name + ": the rules would pass vacuously");
            }
        }
    }

    @ArchTest
    static final ArchRule transport_depends_only_on_the_spi_httpclient_and_the_jdk = classes()
            .that().resideInAPackage("io.minidrama.adapter.apache..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.minidrama.adapter.apache..",
                    "io.minidrama.protocol.spi..", "io.minidrama.domain.error..",
                    "org.apache.hc.client5.http..", "org.apache.hc.core5..", "java..", "javax.net.ssl..")
            .because("a transport only moves bytes: the wire format, tokens and retries live in the protocol, once");

    @ArchTest
    static final ArchRule transport_writes_nothing_to_standard_streams = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
            .should(ACCESS_STANDARD_STREAMS)
            .because("libraries log through System.Logger");

    @ArchTest
    static final ArchRule transport_throws_no_generic_exceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("errors are typed: TransportException and DeadlineExceededException");
}
