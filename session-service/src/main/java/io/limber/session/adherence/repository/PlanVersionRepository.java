package io.limber.session.adherence.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.platform.db.Sql;
import io.limber.platform.db.Tx;
import io.limber.session.adherence.PlanVersion;
import io.limber.session.contract.PlanMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code plan_version} table: session-service's copy of each person's plan versions, as routine-service published
 * them (the CloudEvent, parsed by {@link PlanMapper} when read: a person has a handful).
 */
@ApplicationScoped
public class PlanVersionRepository {

    private static final String INSERT = "INSERT INTO plan_version (user_id, version, published_at, payload)"
            + " VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, version) DO NOTHING";
    private static final String OF_PEOPLE = "SELECT user_id, payload FROM plan_version WHERE user_id = ANY($1)";

    private final ObjectMapper mapper;

    public PlanVersionRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Stores a version once; a second copy of the same version number changes nothing. */
    public Uni<Void> insert(Tx tx, String userId, PlanVersion plan, String payload) {
        return tx.sql().preparedQuery(INSERT)
                .execute(Tuple.of(userId, plan.version(), Sql.ts(plan.publishedAt()), payload))
                .replaceWithVoid();
    }

    /** Each person's plan versions (an empty list for a person without one). */
    public Uni<Map<String, List<PlanVersion>>> of(Tx tx, List<String> users) {
        if (users.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.sql().preparedQuery(OF_PEOPLE).execute(Tuple.of(users.toArray(String[]::new))).map(rows -> {
            Map<String, List<PlanVersion>> byUser = new HashMap<>();
            users.forEach(u -> byUser.put(u, new ArrayList<>()));
            for (Row row : rows) {
                byUser.get(row.getString("user_id")).add(parse(row.getString("payload")));
            }
            return byUser;
        });
    }

    public Uni<Void> deletePerson(Tx tx, String userId) {
        return tx.sql().preparedQuery("DELETE FROM plan_version WHERE user_id = $1").execute(Tuple.of(userId))
                .replaceWithVoid();
    }

    private PlanVersion parse(String payload) {
        try {
            return PlanMapper.toPlanVersion(mapper.readTree(payload));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
