package org.openeps.app;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * The architecture of OpenEPS as executable rules (STYLE.md, "Architecture tests"). The Maven module graph already
 * stops the domain from seeing the application and the application from seeing the adapters; these rules cover what
 * the module graph cannot: which libraries each layer may use, naming and shape of ports, the clock, mutability, and
 * cycles between features.
 */
@AnalyzeClasses(packages = "org.openeps",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    private static final String DOMAIN = "org.openeps.domain..";
    private static final String APPLICATION = "org.openeps.application..";
    private static final String HTTP = "org.openeps.adapters.http..";
    private static final String PERSISTENCE = "org.openeps.adapters.persistence..";
    private static final String APP = "org.openeps.app..";

    private static final String[] JACKSON = {"tools.jackson..", "com.fasterxml.jackson.."};
    private static final String[] JDBI = {"org.jdbi.."};
    private static final String[] JAVALIN = {"io.javalin.."};
    private static final String[] DATABASE = {"com.zaxxer..", "java.sql..", "javax.sql..", "org.flywaydb..",
            "org.postgresql.."};

    /**
     * Test jars of other modules (the persistence test-jar with its test databases) are on this module's test
     * class path; {@link ImportOption.DoNotIncludeTests} only recognises test-classes directories.
     */
    public static final class DoNotIncludeTestJars implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR);
        }
    }

    // 1. The onion

    @ArchTest
    static final ArchRule layers_point_inwards = onionArchitecture()
            .domainModels(DOMAIN)
            .applicationServices(APPLICATION)
            .adapter("http", HTTP)
            .adapter("persistence", PERSISTENCE)
            // there are no domain services (yet); the domain model layer is non-empty, as other rules check
            .withOptionalLayers(true)
            .ignoreDependency(resideInAPackage(APP), alwaysTrue())
            .ensureAllClassesAreContainedInArchitectureIgnoring(APP)
            .because("dependencies point inwards: adapters use the application, the application uses the domain, "
                    + "adapters never use each other, and only the composition root in eps-app sees everything");

    // 2-4. Which libraries each layer may use

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk_and_itself = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("eps-domain is JDK-only: it is also a library that supplier test harnesses use without the "
                    + "service, and framework types in the model tie the business rules to a technology");

    @ArchTest
    static final ArchRule domain_uses_no_framework_annotations = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("javax..", "jakarta..", "lombok..")
            .orShould().beAnnotatedWith(annotationFromOutsideTheJdk())
            .because("no JPA, validation, Lombok or serialisation annotations on domain types: rows and JSON are "
                    + "mapped in the adapters");

    @ArchTest
    static final ArchRule domain_members_carry_no_framework_annotations = noMembers()
            .that().areDeclaredInClassesThat().resideInAPackage(DOMAIN)
            .should().beAnnotatedWith(annotationFromOutsideTheJdk())
            .because("no JPA, validation, Lombok or serialisation annotations on domain types: rows and JSON are "
                    + "mapped in the adapters");

    @ArchTest
    static final ArchRule application_uses_no_technology = noClasses()
            .that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(concat(JAVALIN, JDBI, JACKSON, DATABASE))
            .because("the application holds use cases and ports only; HTTP, JSON, SQL and connection pools belong "
                    + "to the adapters behind those ports");

    @ArchTest
    static final ArchRule jackson_only_in_http_adapter_and_app = noClasses()
            .that().resideOutsideOfPackages(HTTP, APP)
            .should().dependOnClassesThat().resideInAnyPackage(JACKSON)
            .because("FHIR and JSON are mapped in the HTTP adapter; nothing JSON-shaped reaches the application "
                    + "or the database");

    @ArchTest
    static final ArchRule jdbi_only_in_persistence_adapter_and_app = noClasses()
            .that().resideOutsideOfPackages(PERSISTENCE, APP)
            .should().dependOnClassesThat().resideInAnyPackage(JDBI)
            .because("SQL and row mapping live in the persistence adapter; other layers reach the database only "
                    + "through application ports");

    @ArchTest
    static final ArchRule javalin_only_in_http_adapter_and_app = noClasses()
            .that().resideOutsideOfPackages(HTTP, APP)
            .should().dependOnClassesThat().resideInAnyPackage(JAVALIN)
            .because("the web server is one adapter among others; use cases must be callable without it");

    @ArchTest
    static final ArchRule database_drivers_only_in_persistence_adapter_and_app = noClasses()
            .that().resideOutsideOfPackages(PERSISTENCE, APP)
            .should().dependOnClassesThat().resideInAnyPackage(DATABASE)
            .because("connection pools, JDBC, Flyway and the PostgreSQL driver are details of the persistence "
                    + "adapter");

    // 5-6. Ports and services

    @ArchTest
    static final ArchRule incoming_ports_are_interfaces = classes()
            .that().resideInAPackage(APPLICATION)
            .and().haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces()
            .because("an incoming port <Verb><Noun>UseCase is an interface the adapters call, implemented by a "
                    + "<Verb><Noun>Service");

    @ArchTest
    static final ArchRule commands_and_queries_are_records = classes()
            .that().haveSimpleNameEndingWith("Command")
            .or().haveSimpleNameEndingWith("Query")
            .and().resideInAPackage(APPLICATION)
            .should().beRecords()
            .because("commands and queries are immutable values that validate themselves in the compact "
                    + "constructor");

    @ArchTest
    static final ArchRule outgoing_ports_are_interfaces = classes()
            .that().resideInAPackage(APPLICATION)
            .and().areTopLevelClasses()
            .and().areNotRecords()
            .and().areNotEnums()
            .and().areNotAssignableTo(Throwable.class)
            .and().haveSimpleNameNotEndingWith("Service")
            .and().haveSimpleNameNotEndingWith("UseCase")
            .and().doNotHaveSimpleName("PrescriptionChanges")
            .and().doNotHaveSimpleName("NominatedOrganisations")
            .should().beInterfaces()
            .because("apart from use cases, their services, value records, PrescriptionChanges (the one "
                    + "load-move-store-record step every lifecycle service shares) and NominatedOrganisations (the "
                    + "one directory check that patients' nominations and prescriptions' nominated dispensers "
                    + "share), the application holds outgoing "
                    + "ports (PrescriptionRepository, Transactions, RecordedReplies, ServiceHealth), which the "
                    + "adapters implement");

    @ArchTest
    static final ArchRule services_implement_a_use_case_and_are_final = classes()
            .that().resideInAPackage(APPLICATION)
            .and().haveSimpleNameEndingWith("Service")
            .should().implement(simpleNameEndingWith("UseCase"))
            .andShould().haveModifier(JavaModifier.FINAL)
            .because("a <Verb><Noun>Service is the one implementation of its <Verb><Noun>UseCase, and is not "
                    + "extended");

    // 7. Time

    @ArchTest
    static final ArchRule domain_and_application_do_not_read_the_system_clock = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().accessTargetWhere(readsTheSystemClock())
            .because("time comes in as a parameter (Instant now) or from an injected java.time.Clock, so behaviour "
                    + "is reproducible and tests can fix the clock");

    // 8. Immutability

    @ArchTest
    static final ArchRule domain_fields_are_final = fields()
            .that().areDeclaredInClassesThat().resideInAPackage(DOMAIN)
            .should().beFinal()
            .because("domain objects are immutable: a change of state produces a new value or a new version of "
                    + "the aggregate");

    @ArchTest
    static final ArchRule domain_has_no_setters = noMethods()
            .that().areDeclaredInClassesThat().resideInAPackage(DOMAIN)
            .should().haveNameMatching("set([A-Z0-9_].*)?")
            .because("the domain changes state through its own verbs (release, cancel, recordDispense), never "
                    + "through setters");

    // 9. Features

    @ArchTest
    static final ArchRule domain_features_are_free_of_cycles = slices()
            .matching("org.openeps.domain.(*)..")
            .should().beFreeOfCycles()
            .because("features depend on shared and on each other in one direction only, so each can be "
                    + "understood and changed on its own");

    @ArchTest
    static final ArchRule application_features_are_free_of_cycles = slices()
            .matching("org.openeps.application.(*)..")
            .should().beFreeOfCycles()
            .because("features depend on shared and on each other in one direction only, so each can be "
                    + "understood and changed on its own");

    @ArchTest
    static final ArchRule adapters_are_free_of_cycles = slices()
            .matching("org.openeps.adapters.(*)..")
            .should().beFreeOfCycles()
            .because("each adapter stands alone and is wired to the others only by the composition root");

    // 10. General coding rules

    @ArchTest
    static final ArchRule no_standard_streams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("output goes through SLF4J, where it carries the request ID and can be configured");

    @ArchTest
    static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("a broken rule is an EpsException with a machine-readable EPS code, which the HTTP adapter "
                    + "maps to a response in one place");

    @ArchTest
    static final ArchRule no_java_util_logging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("logging goes through SLF4J and Logback");

    /** The library rule only catches fields of a java.util.logging type; this also catches local use. */
    @ArchTest
    static final ArchRule no_java_util_logging_anywhere = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("logging goes through SLF4J and Logback");

    @ArchTest
    static final ArchRule no_joda_time = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JODATIME
            .because("java.time is the only time API");

    @ArchTest
    static final ArchRule no_java_util_date = noClasses()
            .should().dependOnClassesThat().areAssignableTo(Date.class)
            .because("java.time is the only time API; Jdbi and pgjdbc map Instant and LocalDate directly");

    // 12. One entry point

    @ArchTest
    static final ArchRule main_is_the_only_entry_point = methods()
            .that().haveName("main")
            .and().areStatic()
            .should().beDeclaredIn(Main.class)
            .because("the service starts one way, from org.openeps.app.Main, which reads the configuration and "
                    + "wires everything with constructors");

    private static DescribedPredicate<JavaAnnotation<?>> annotationFromOutsideTheJdk() {
        return DescribedPredicate.describe("an annotation from outside java..",
                annotation -> !annotation.getRawType().getPackageName().startsWith("java."));
    }

    /**
     * Any {@code now(...)} in java.time other than {@code now(Clock)}, {@code Clock.system*()},
     * {@code InstantSource.system()} and {@code System.currentTimeMillis()}, whether called or referenced
     * ({@code Instant::now}).
     */
    private static DescribedPredicate<JavaAccess<?>> readsTheSystemClock() {
        return DescribedPredicate.describe("reads the system clock", access -> {
            AccessTarget target = access.getTarget();
            String owner = target.getOwner().getName();
            String name = target.getName();
            if (owner.startsWith("java.time.") && name.equals("now")) {
                return !(target instanceof AccessTarget.CodeUnitAccessTarget codeUnit)
                        || codeUnit.getRawParameterTypes().stream().noneMatch(type -> type.isEquivalentTo(Clock.class));
            }
            return switch (owner) {
                case "java.time.Clock" -> name.startsWith("system");
                case "java.time.InstantSource" -> name.equals("system");
                case "java.lang.System" -> name.equals("currentTimeMillis");
                default -> false;
            };
        });
    }

    private static String[] concat(String[]... groups) {
        return Arrays.stream(groups).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
