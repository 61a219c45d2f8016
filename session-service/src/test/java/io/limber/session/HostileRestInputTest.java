package io.limber.session;

import static io.limber.session.TestEvents.example;
import static io.limber.session.TestEvents.newUser;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.limber.local.testing.HostileInputs;
import io.limber.local.testing.HostileInputs.Body;
import io.limber.local.testing.HostileInputs.Tally;
import io.limber.local.testing.InjectKafka;
import io.limber.local.testing.KafkaAndPostgresTestResource;
import io.limber.local.testing.KafkaTestClient;
import io.limber.local.testing.TestTokens;
import io.limber.session.contract.EventSchemas;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Over 1,000 generated malformed or hostile inputs to every REST endpoint, each with a token of a role allowed there
 * (so the input itself is judged): every answer is a 4xx, or a 2xx where the input happens to be valid; never a 5xx.
 * Afterwards the service is still ready and the ingress published nothing it refused.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaAndPostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "session"))
class HostileRestInputTest {

    @InjectKafka
    KafkaTestClient kafka;

    static final long SEED = 20261124L;
    static final int PER_ENDPOINT = 1_000;
    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @TestHTTPResource("/events")
    URL events;

    final HostileInputs inputs = new HostileInputs(SEED);
    final Random random = new Random(SEED);
    final List<Tally> tallies = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();
    final EventSchemas schemas = new EventSchemas();
    final List<String> acceptedButInvalid = new ArrayList<>();

    @Test
    void noHostileInputGetsA5xxAndTheIngressPublishesOnlyWhatItAccepted() {
        String user = newUser();
        String patient = TestTokens.patient(user);
        String clinician = TestTokens.clinician();
        int accepted = 0;
        // a known person: what the ingress accepts for them is processed at once, not held for their plan
        kafka.send("plans", user, TestEvents.plan(user, TestEvents.today().minusDays(2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(clinician)
                .get("/users/{u}/adherence", user).then().statusCode(200));

        accepted += structuredEvents(user, patient);
        accepted += batches(user, patient);
        accepted += binaryEvents(user, patient);
        personalReads(clinician, "adherence");
        personalReads(clinician, "sessions");
        sessionPages(clinician, user);
        cohortReads(clinician);

        tallies.forEach(t -> System.out.println("[hostile REST input] " + t));
        assertThat(tallies).allSatisfy(t -> {
            assertThat(t.count(Tally.StatusClass.S5XX)).as("5xx at %s", t).isZero();
            assertThat(t.count(Tally.StatusClass.S3XX) + t.count(Tally.StatusClass.OTHER)).as("not 2xx/4xx at %s", t)
                    .isZero();
        });
        assertThat(tallies.stream().filter(t -> t.toString().startsWith("POST")).mapToInt(Tally::sent).sum())
                .isGreaterThanOrEqualTo(PER_ENDPOINT);
        assertThat(tallies.stream().filter(t -> !t.toString().startsWith("POST")))
                .allSatisfy(t -> assertThat(t.sent()).isGreaterThanOrEqualTo(PER_ENDPOINT));

        given().get(readiness).then().statusCode(200);
        // a marker after the storm: once it is on the topic, everything written before is too
        String marker = newUser();
        given().auth().oauth2(TestTokens.patient(marker)).contentType(STRUCTURED)
                .body(TestEvents.started(marker, "marker", java.time.Instant.now())).post("/events")
                .then().statusCode(202);
        kafka.awaitRecord("session-events", r -> marker.equals(r.key()), Duration.ofSeconds(30));
        assertThat(kafka.readAll("session-events").stream().filter(r -> user.equals(r.key())).count())
                .as("events published for the fuzzed person = events accepted").isEqualTo(accepted);
        assertThat(acceptedButInvalid).as("accepted events the contract refuses").isEmpty();
        // whatever was accepted was processed: a valid event sent last is stored (its partition is not stuck)
        java.time.Instant start = TestEvents.today().minusDays(1).atTime(20, 0).atZone(TestEvents.ZONE).toInstant();
        given().auth().oauth2(patient).contentType(STRUCTURED)
                .body(TestEvents.completed(user, "after-the-storm", start)).post("/events").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(clinician)
                .get("/users/{u}/sessions?size=100", user).then().statusCode(200)
                .body("sessions.sessionId", org.hamcrest.Matchers.hasItem("after-the-storm")));
    }

    /** Single events in structured mode, then the 10 MB body. Returns how many events were accepted. */
    private int structuredEvents(String user, String patient) {
        Tally tally = tally("POST /events (structured)");
        int accepted = 0;
        for (Body body : inputs.bodies(example("session-completed.json", user).toString(), PER_ENDPOINT)) {
            int events = post(tally, patient, body.contentType().equals(Body.JSON) ? STRUCTURED : body.contentType(),
                    Map.of(), body.json());
            if (events > 0 && !isValid(body.json())) {
                acceptedButInvalid.add(body.toString());
            }
            accepted += events;
        }
        Body tenMegabytes = inputs.tenMegabyteBody(example("session-started.json", user).toString());
        accepted += post(tally, patient, STRUCTURED, Map.of(), tenMegabytes.json());
        return accepted;
    }

    private int batches(String user, String patient) {
        Tally tally = tally("POST /events (batch)");
        int accepted = 0;
        String batch = "[" + example("session-started.json", user) + "," + example("session-pain-stopped.json", user)
                + "]";
        for (Body body : inputs.bodies(batch, 400)) {
            accepted += post(tally, patient, body.contentType().equals(Body.JSON) ? BATCH : body.contentType(),
                    Map.of(), body.json());
        }
        return accepted;
    }

    /** Binary mode: hostile ce- headers around a valid body, and valid headers around hostile bodies. */
    private int binaryEvents(String user, String patient) {
        Tally tally = tally("POST /events (binary)");
        int accepted = 0;
        ObjectNode event = example("session-started.json", user);
        String data = event.get("data").toString();
        List<String> attributes = List.of("specversion", "id", "source", "type", "time", "datacontenttype");
        for (int i = 0; i < 200; i++) {
            Map<String, String> headers = binaryHeaders(event);
            String attribute = attributes.get(random.nextInt(attributes.size()));
            String hostile = HostileInputs.INJECTIONS.get(random.nextInt(HostileInputs.INJECTIONS.size()));
            if (random.nextInt(4) == 0) {
                headers.remove("ce-" + attribute);
            } else {
                // header values cannot carry CR, LF or NUL: the client refuses them before they are sent
                headers.put("ce-" + attribute, hostile.replaceAll("[\\r\\n\\u0000]", "?") + random.nextInt(10));
            }
            accepted += post(tally, patient, "application/json", headers, data);
        }
        for (Body body : inputs.bodies(data, 400)) {
            accepted += post(tally, patient, body.contentType(), binaryHeaders(event), body.json());
        }
        return accepted;
    }

    private static Map<String, String> binaryHeaders(ObjectNode event) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        event.fieldNames().forEachRemaining(f -> {
            if (!f.equals("data") && !f.equals("datacontenttype")) {
                headers.put("ce-" + f, event.get(f).asText());
            }
        });
        return headers;
    }

    /**
     * Sent as is, byte for byte. A body over the limit announces itself (Expect: 100-continue), as a well-behaved
     * client does, and gets its 413 before it is sent; sent blindly, the service's early 413 and closed connection
     * break the client's write instead.
     */
    private int post(Tally tally, String token, String contentType, Map<String, String> headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(events.toString()))
                .version(HttpClient.Version.HTTP_1_1)
                .expectContinue(bytes.length > 256 * 1024)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .timeout(Duration.ofSeconds(60));
        headers.forEach((name, value) -> {
            try {
                request.header(name, value);
            } catch (IllegalArgumentException notSendable) {
                request.header(name, value.replaceAll("[^\\x20-\\x7E]", "?"));
            }
        });
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            tally.record(response.statusCode());
            return response.statusCode() / 100 == 2 ? TestEvents.json(response.body()).get("accepted").asInt() : 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Hostile person ids, asked for by a clinician (who may read anyone's). */
    private void personalReads(String clinician, String what) {
        Tally tally = tally("GET /users/{id}/" + what);
        for (String segment : inputs.pathSegments(PER_ENDPOINT)) {
            tally.record(get("/users/" + segment + "/" + what, clinician, Map.of(), null));
        }
    }

    /** Hostile page and size parameters on a real person's history. */
    private void sessionPages(String clinician, String user) {
        Tally tally = tally("GET /users/{id}/sessions?page&size");
        List<String> values = new ArrayList<>(List.of("-1", "0", "2147483648", "-2147483649", "1e3", "abc", "",
                "%00", "99999999999999999999", "1.5", "%27%3B%20drop", "%F0%9F%92%A5", "NaN", "0x10"));
        for (int i = 0; i < PER_ENDPOINT; i++) {
            String page = values.get(random.nextInt(values.size()));
            String size = values.get(random.nextInt(values.size()));
            tally.record(get("/users/" + user + "/sessions?page=" + page + "&size=" + size, clinician, Map.of(), null));
        }
    }

    /** The cohort takes no input: hostile query strings, Accept headers and bodies are ignored or refused. */
    private void cohortReads(String clinician) {
        Tally tally = tally("GET /cohort/adherence");
        List<String> accepts = List.of("application/json", "application/xml", "text/html", "*/*", "garbage",
                "application/json;q=-1", "");
        List<String> segments = inputs.pathSegments(PER_ENDPOINT);
        for (int i = 0; i < PER_ENDPOINT; i++) {
            String body = i % 3 == 0 ? "{\"a\":" + "[".repeat(i) + "]".repeat(i) + "}" : null;
            tally.record(get("/cohort/adherence?" + segments.get(i) + "=" + segments.get(i), clinician,
                    Map.of("Accept", accepts.get(i % accepts.size())), body));
        }
    }

    /**
     * A GET written on the socket as is: URL clients refuse to send paths like {@code /users/%/adherence}, which is
     * exactly what a hostile client sends. Returns the status of the answer.
     */
    private int get(String target, String token, Map<String, String> headers, String body) {
        URI base = URI.create(events.toString());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                    .append("Authorization: Bearer ").append(token).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                request.append("Content-Type: application/json\r\nContent-Length: ").append(content.length)
                        .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return statusLine == null ? -1 : Integer.parseInt(statusLine.split(" ")[1]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A client event, or an array of them (the ingress reads an array as a batch whatever its content type). */
    private boolean isValid(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            List<com.fasterxml.jackson.databind.JsonNode> events = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(events::add);
            } else {
                events.add(node);
            }
            return events.stream().map(io.limber.local.testing.CloudEventForms::withNullAttributesUnset)
                    .allMatch(e -> schemas.violations(e).isEmpty());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private Tally tally(String endpoint) {
        Tally tally = new Tally(endpoint);
        tallies.add(tally);
        return tally;
    }
}
