package io.limber.reminder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape README's "Architecture" describes, checked: one direction per event (consumer or resource → service →
 * rule → repository → outbox), the rules free of frameworks, SQL only in repositories, no package cycles.
 */
@AnalyzeClasses(packages = "io.limber.reminder", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The SQL clients: the reactive PostgreSQL client, JDBC, Hibernate and Panache. */
    private static final String[] SQL_CLIENTS = {"io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..",
            "io.vertx.pgclient..", "io.vertx.mutiny.pgclient..", "java.sql..", "org.hibernate..",
            "io.quarkus.hibernate..", "jakarta.persistence.."};

    /**
     * Where SQL may live: a class named {@code *Repository} or {@code *Store} (one per table or aggregate) and the
     * outbox relay, which reads and empties the outbox table. (The transaction and timestamp helpers are
     * platform/outbox's {@code io.limber.platform.db}: services hold a {@code Tx}, only repositories read its SQL
     * connection.)
     */
    private static final DescribedPredicate<JavaClass> REPOSITORIES = DescribedPredicate.describe(
            "repositories (*Repository, *Store, outbox)",
            c -> c.getSimpleName().endsWith("Repository") || c.getSimpleName().endsWith("Store")
                    || c.getPackageName().startsWith("io.limber.reminder.outbox"));

    /** REST resources (a JAX-RS path) and Kafka consumers (an {@code @Incoming} method): the driving adapters. */
    private static final DescribedPredicate<JavaClass> RESOURCES_AND_CONSUMERS = DescribedPredicate.describe(
            "REST resources and Kafka consumers",
            c -> c.isAnnotatedWith("jakarta.ws.rs.Path") || c.getMethods().stream().anyMatch(
                    m -> m.isAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming")
                            || m.isAnnotatedWith("jakarta.ws.rs.Path")));

    @ArchTest
    static final ArchRule rulesDependOnlyOnJavaAndEachOther = classes()
            .that().resideInAPackage("io.limber.reminder.rules..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.limber.reminder.rules..")
            .because("a rule is a pure function of a person's state and the time (style.md)");

    @ArchTest
    static final ArchRule sqlOnlyInRepositories = noClasses()
            .that(DescribedPredicate.not(REPOSITORIES))
            .should().dependOnClassesThat().resideInAnyPackage(SQL_CLIENTS)
            .because("one repository owns each table; services and adapters never hold SQL");

    @ArchTest
    static final ArchRule resourcesAndConsumersOnlyCallServices = noClasses()
            .that(RESOURCES_AND_CONSUMERS)
            .should().dependOnClassesThat(REPOSITORIES)
            .orShould().dependOnClassesThat().resideInAnyPackage(SQL_CLIENTS)
            .because("a consumer receives and hands over, a resource parses and validates: the service owns the "
                    + "transaction");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.limber.reminder.(*)..").should().beFreeOfCycles();
}
