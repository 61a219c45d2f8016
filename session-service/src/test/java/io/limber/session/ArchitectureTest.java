package io.limber.session;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
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
 * The shape README's "Architecture" describes, checked: the adherence rules free of frameworks, SQL (Hibernate
 * Reactive, Panache, the reactive client) only in entities and repositories, resources and consumers calling
 * services, no package cycles.
 */
@AnalyzeClasses(packages = "io.limber.session", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The SQL clients, except what marks a transaction boundary ({@code @WithTransaction}, {@code
     * Panache.withTransaction}: style.md puts that on the service method that owns the unit of work) and the driver's
     * exceptions (an exception mapper may read a failed write's SQL state to answer 409; it holds no SQL).
     */
    private static final DescribedPredicate<JavaClass> SQL_CLIENTS = resideInAnyPackage("io.vertx.sqlclient..",
            "io.vertx.mutiny.sqlclient..", "io.vertx.pgclient..", "io.vertx.mutiny.pgclient..", "java.sql..",
            "org.hibernate..", "io.quarkus.hibernate..", "jakarta.persistence..")
            .and(not(nameMatching("io\\.quarkus\\.hibernate\\.reactive\\.panache\\.(common\\.WithTransaction"
                    + "|common\\.WithSession|Panache)")))
            .and(not(assignableTo(Throwable.class)))
            .as("SQL clients (reactive client, JDBC, Hibernate, Panache)");

    /** Mapped rows ({@code @Entity}, Panache active records), {@code *Repository}/{@code *Store}, the outbox. */
    private static final DescribedPredicate<JavaClass> PERSISTENCE = DescribedPredicate.describe(
            "repositories (*Repository, *Store) and the outbox",
            c -> c.getSimpleName().endsWith("Repository")
                    || c.getSimpleName().endsWith("Store") || c.getPackageName().startsWith("io.limber.session.outbox"));

    /** REST resources (a JAX-RS path) and Kafka consumers (an {@code @Incoming} method): the driving adapters. */
    private static final DescribedPredicate<JavaClass> RESOURCES_AND_CONSUMERS = DescribedPredicate.describe(
            "REST resources and Kafka consumers",
            c -> c.isAnnotatedWith("jakarta.ws.rs.Path") || c.getMethods().stream().anyMatch(
                    m -> m.isAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming")
                            || m.isAnnotatedWith("jakarta.ws.rs.Path")));

    @ArchTest
    static final ArchRule adherenceRulesDependOnlyOnJavaAndEachOther = classes()
            .that().resideInAPackage("io.limber.session.adherence")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.limber.session.adherence")
            .because("AdherenceCalculator takes a plan and events and returns figures (style.md)");

    @ArchTest
    static final ArchRule sqlOnlyInEntitiesAndRepositories = noClasses()
            .that(not(PERSISTENCE))
            .should().dependOnClassesThat(SQL_CLIENTS)
            .because("services and adapters never hold SQL");

    @ArchTest
    static final ArchRule resourcesAndConsumersOnlyCallServices = noClasses()
            .that(RESOURCES_AND_CONSUMERS)
            .should().dependOnClassesThat(PERSISTENCE)
            .orShould().dependOnClassesThat(SQL_CLIENTS)
            .because("a consumer receives and hands over, a resource parses and validates: the service owns the "
                    + "transaction");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.limber.session.(**)").should().beFreeOfCycles()
            .because("each event flows one way: consumer -> service -> rule -> repositories -> outbox");
}
