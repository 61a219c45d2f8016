package io.limber.session.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.limber.platform.access.Caller;
import io.limber.platform.access.PersonalDataAccess;
import io.limber.platform.events.CloudEventEnvelope;
import io.limber.platform.events.NotACloudEvent;
import io.limber.session.contract.EventSchemas;
import io.limber.session.contract.Violation;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * HTTP ingress for clients that cannot speak Kafka: one CloudEvent or a batch, in structured or binary mode,
 * validated against the schema and written to {@code session-events} (key = user id). 202 only once the broker has
 * acknowledged every event; 400 naming each field and reason, with nothing written. Only a patient reports, and
 * only their own events: one event of someone else refuses the whole request (403).
 */
@Path("/events")
public class EventIngressResource {

    static final String STRUCTURED = CloudEventEnvelope.STRUCTURED;
    static final String BATCH = CloudEventEnvelope.BATCH;

    private final CloudEventEnvelope envelope;
    private final java.time.Clock clock;
    private final EventSchemas schemas;
    private final MutinyEmitter<Record<String, String>> sessionEvents;
    private final int maxBatch;
    private final Caller caller;

    public EventIngressResource(ObjectMapper mapper, EventSchemas schemas, Caller caller, java.time.Clock clock,
                                @Channel("session-events-ingress")
                                @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                                MutinyEmitter<Record<String, String>> sessionEvents,
                                @ConfigProperty(name = "limber.ingress.max-batch") int maxBatch) {
        this.envelope = new CloudEventEnvelope(mapper);
        this.clock = clock;
        this.schemas = schemas;
        this.sessionEvents = sessionEvents;
        this.maxBatch = maxBatch;
        this.caller = caller;
    }

    /** One refused field. {@code index} is the event's position in a batch (0 for a single event). */
    public record Problem(int index, String field, String reason) {
    }

    /** Why nothing was written. */
    public record Rejected(String error, List<Problem> problems) {
    }

    /** What was written. */
    public record Accepted(int accepted, List<String> ids) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report session events: application/cloudevents+json (one), application/cloudevents-batch+json "
            + "(an array), or binary mode (ce-* headers, the body is data)")
    @APIResponse(responseCode = "202", description = "Every event is on session-events")
    @APIResponse(responseCode = "400", description = "Nothing was written; each problem names the field and reason")
    @APIResponse(responseCode = "403", description = "Not a patient's token, or an event of another person; "
            + "nothing was written")
    @APIResponse(responseCode = "413", description = "The body is over the limit")
    @RolesAllowed(PersonalDataAccess.PATIENT)
    public Uni<Response> post(byte[] body, @Context HttpHeaders headers) {
        List<JsonNode> events;
        try {
            events = events(body, headers);
        } catch (NotACloudEvent e) {
            return Uni.createFrom().item(badRequest(List.of(new Problem(e.index(), e.field(), e.reason()))));
        }
        if (events.isEmpty() || events.size() > maxBatch) {
            return Uni.createFrom().item(badRequest(List.of(new Problem(0, "$",
                    "a batch holds 1 to " + maxBatch + " events, not " + events.size()))));
        }
        List<Problem> problems = new ArrayList<>();
        java.time.Instant now = clock.instant();
        for (int i = 0; i < events.size(); i++) {
            for (Violation v : schemas.clientEventViolations(events.get(i), now)) {
                problems.add(new Problem(i, v.field(), v.reason()));
            }
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(badRequest(problems));
        }
        for (int i = 0; i < events.size(); i++) {
            if (!caller.isThemself(events.get(i).get("data").get("userId").asText())) {
                problems.add(new Problem(i, "$.data.userId", "not the token's subject: a patient reports only "
                        + "their own sessions"));
            }
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(rejected(Response.Status.FORBIDDEN,
                    "events of another person: nothing was written", problems));
        }
        return Uni.join().all(events.stream()
                        .map(e -> sessionEvents.send(Record.of(e.get("data").get("userId").asText(), e.toString())))
                        .toList())
                .andFailFast()
                .map(x -> Response.accepted(new Accepted(events.size(),
                        events.stream().map(e -> e.get("id").asText()).toList())).build());
    }

    /**
     * The request's events through the shared envelope reader: binary mode (a {@code ce-specversion} header, the body
     * is data), a batch (its media type, or a JSON array), or one structured event (its media type or, leniently,
     * any other).
     */
    private List<JsonNode> events(byte[] body, HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        String contentType = type == null ? "" : type.getType() + "/" + type.getSubtype();
        if (headers.getHeaderString("ce-specversion") != null && !contentType.startsWith("application/cloudevents")) {
            Map<String, String> attributes = new LinkedHashMap<>();
            headers.getRequestHeaders().forEach((name, values) -> attributes.put(name, values.get(0)));
            return List.of(envelope.fromHttp(attributes, body));
        }
        if (BATCH.equals(contentType) || startsWithBracket(body)) {
            return envelope.fromBatch(body);
        }
        return List.of(envelope.fromStructured(body));
    }

    private static boolean startsWithBracket(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }

    private static Response badRequest(List<Problem> problems) {
        return rejected(Response.Status.BAD_REQUEST, "invalid events: nothing was written", problems);
    }

    private static Response rejected(Response.Status status, String error, List<Problem> problems) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Rejected(error, problems)).build();
    }
}
