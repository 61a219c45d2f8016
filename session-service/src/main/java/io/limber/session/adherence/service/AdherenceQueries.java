package io.limber.session.adherence.service;

import io.limber.platform.db.Transactions;
import io.limber.session.adherence.CohortAdherence;
import io.limber.session.adherence.Session;
import io.limber.session.adherence.repository.PersonRepository;
import io.limber.session.adherence.repository.SessionEventRepository;
import io.limber.session.contract.AdherenceUpdated;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What the REST API and the gauges read: a person's snapshot and sessions, the cohort's figures. */
@ApplicationScoped
public class AdherenceQueries {

    private final Transactions transactions;
    private final PersonRepository people;
    private final SessionEventRepository events;
    private final AdherenceMetrics metrics;

    public AdherenceQueries(Transactions transactions, PersonRepository people, SessionEventRepository events,
                            AdherenceMetrics metrics) {
        this.transactions = transactions;
        this.people = people;
        this.events = events;
        this.metrics = metrics;
    }

    /** The person's latest snapshot; empty when the person is unknown or nothing was computed yet. */
    public Uni<Optional<AdherenceUpdated.Data>> snapshot(String userId) {
        return transactions.withConnection(tx -> people.snapshot(tx, userId))
                .map(found -> found.flatMap(s -> s).map(Recomputation::read));
    }

    /** A person's sessions, newest first; empty when the person is unknown. */
    public Uni<Optional<List<Session>>> sessions(String userId) {
        return transactions.withConnection(tx -> people.exists(tx, userId).flatMap(known -> !known
                ? Uni.createFrom().item(Optional.<List<Session>>empty())
                : events.all(tx, userId).map(activities -> {
                    List<Session> sessions = new ArrayList<>(Session.group(activities));
                    sessions.sort(Comparator.comparing(Session::startedAt).reversed());
                    return Optional.of(sessions);
                })));
    }

    /** The cohort's figures, also kept for the cohort gauges. */
    public Uni<CohortAdherence> cohort() {
        return transactions.withConnection(tx -> people.sessionAdherence28(tx)).map(values -> {
            CohortAdherence result = CohortAdherence.of(values.size(), values);
            metrics.cohort(result);
            return result;
        });
    }
}
