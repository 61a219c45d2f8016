package io.limber.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAIN_STOP = """
            {"specversion":"1.0","id":"e-1","source":"/clients/web","type":"limber.session.pain-stopped",
             "time":"2026-11-24T19:35:00Z","datacontenttype":"application/json",
             "dataschema":"urn:limber:schema:session-pain-stopped:1","partitionkey":"u-1",
             "data":{"userId":"u-1","pain":8,"sharp":true,"redFlags":["saddle-numbness"]}}""";

    private final CloudEventEnvelope envelope = new CloudEventEnvelope(JSON);

    @Test
    void aBinaryModeRecordReadsExactlyLikeItsStructuredForm() throws Exception {
        JsonNode structured = JSON.readTree(PAIN_STOP);
        ProducerRecord<String, byte[]> binary = KafkaMessageFactory.<String>createWriter("session-events", "u-1")
                .writeBinary(event());
        assertThat(binary.headers().lastHeader("ce_type")).isNotNull();

        JsonNode fromBinary = envelope.fromKafka(binary.headers(), binary.value());
        JsonNode fromStructured = envelope.fromKafka(headers(CloudEventEnvelope.STRUCTURED), PAIN_STOP);
        JsonNode fromBare = envelope.fromKafka(new RecordHeaders(), PAIN_STOP);

        assertThat(fromBinary).isEqualTo(structured);
        assertThat(fromStructured).isEqualTo(structured);
        assertThat(fromBare).isEqualTo(structured);
        assertThat(CloudEventEnvelope.formOf(binary.headers())).isEqualTo(CloudEventEnvelope.Form.BINARY);
        assertThat(CloudEventEnvelope.formOf(new RecordHeaders())).isEqualTo(CloudEventEnvelope.Form.STRUCTURED);
    }

    @Test
    void httpBinaryModeAndABatchReadLikeStructuredEvents() throws Exception {
        JsonNode structured = JSON.readTree(PAIN_STOP);
        Map<String, String> headers = new TreeMap<>();
        StringBuilder body = new StringBuilder();
        io.cloudevents.http.HttpMessageFactory.createWriter(headers::put,
                bytes -> body.append(new String(bytes, StandardCharsets.UTF_8))).writeBinary(event());
        // header names in another case, as proxies may send them
        Map<String, String> shouted = new TreeMap<>();
        headers.forEach((name, value) -> shouted.put(name.toUpperCase(), value));

        assertThat(envelope.fromHttp(headers, body.toString().getBytes(StandardCharsets.UTF_8))).isEqualTo(structured);
        assertThat(envelope.fromHttp(shouted, body.toString().getBytes(StandardCharsets.UTF_8))).isEqualTo(structured);
        assertThat(envelope.fromBatch(("[" + PAIN_STOP + "," + PAIN_STOP + "]").getBytes(StandardCharsets.UTF_8)))
                .containsExactly(structured, structured);
    }

    @Test
    void whatTheSdkWritesInStructuredModeIsWhatConsumersRead() throws Exception {
        byte[] written = envelope.toStructured(event());
        assertThat(envelope.fromKafka(new RecordHeaders(CloudEventEnvelope.structuredHeaders()), written))
                .isEqualTo(JSON.readTree(PAIN_STOP));
    }

    record Event(String specversion, String id, String source, String type, String time, String datacontenttype,
                 String dataschema, Map<String, Object> data) {
    }

    @Test
    void aProducersEventRecordIsWrittenByTheSdkAsConsumersReadIt() throws Exception {
        Event event = new Event("1.0", "n-1", "/reminder-service", "limber.nudge", "2026-11-24T19:35:00Z",
                "application/json", "urn:limber:schema:nudge:1", Map.of("userId", "u-1", "kind", "safety"));
        String written = envelope.write(event);
        JsonNode read = envelope.fromKafka(new RecordHeaders(CloudEventEnvelope.structuredHeaders()), written);
        assertThat(read).isEqualTo(JSON.valueToTree(event));
        assertThatThrownBy(() -> envelope.write(new Event("1.0", null, "/x", "limber.nudge", null, null, null, Map.of())))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void aRecordThatIsNotACloudEventIsRefusedNamingThePlaceNeverTheContent() {
        assertThatThrownBy(() -> envelope.fromKafka(new RecordHeaders(), "privatenote {not json"))
                .isInstanceOf(NotACloudEvent.class)
                .hasMessageStartingWith("$: not valid JSON at line 1").hasMessageNotContaining("privatenote");
        assertThatThrownBy(() -> envelope.fromKafka(new RecordHeaders(), """
                {"specversion":"1.0","id":"e-2","type":"limber.session.started","data":{"userId":"secret-user"}}"""))
                .isInstanceOfSatisfying(NotACloudEvent.class, e -> assertThat(e.field()).isEqualTo("$.source"))
                .hasMessageNotContaining("secret-user");
        assertThatThrownBy(() -> envelope.fromKafka(new RecordHeaders(), PAIN_STOP.replace("2026-11-24T19:35:00Z",
                "secret-user-time")))
                .isInstanceOfSatisfying(NotACloudEvent.class, e -> assertThat(e.field()).isEqualTo("$.time"))
                .hasMessageNotContaining("secret-user");
        assertThatThrownBy(() -> envelope.fromKafka(new RecordHeaders(), PAIN_STOP.replace("\"1.0\"", "\"0.9\"")))
                .isInstanceOfSatisfying(NotACloudEvent.class, e -> assertThat(e.field()).isEqualTo("$.specversion"));
        assertThatThrownBy(() -> envelope.fromKafka(headers("application/json"), "{\"userId\":\"u\"}"))
                .isInstanceOfSatisfying(NotACloudEvent.class, e -> assertThat(e.reason()).contains("binary mode"));
        assertThatThrownBy(() -> envelope.fromKafka(new RecordHeaders(), (String) null))
                .isInstanceOf(NotACloudEvent.class);
    }

    @Test
    void jsonThatIsNotAnObjectIsRefusedInEveryFormNeverReadAsNoEvent() {
        // the SDK reads the JSON literal null as "no event" (a null), which once reached the ingress as a 500
        for (String value : new String[] {"null", " null ", "", "7", "\"text\"", "[]", "true"}) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> envelope.fromKafka(new RecordHeaders(), value)).as("bare value %s", value)
                    .isInstanceOf(NotACloudEvent.class);
            assertThatThrownBy(() -> envelope.fromKafka(headers("application/cloudevents+json"), value))
                    .as("structured value %s", value).isInstanceOf(NotACloudEvent.class);
            assertThatThrownBy(() -> envelope.fromStructured(bytes)).as("structured body %s", value)
                    .isInstanceOf(NotACloudEvent.class);
            assertThatThrownBy(() -> envelope.fromHttp(Map.of("Content-Type", "application/cloudevents+json"), bytes))
                    .as("HTTP structured %s", value).isInstanceOf(NotACloudEvent.class);
            if (!value.isEmpty()) {
                assertThatThrownBy(() -> envelope.fromBatch(("[" + value + "]").getBytes(StandardCharsets.UTF_8)))
                        .as("batch of %s", value).isInstanceOf(NotACloudEvent.class);
            }
        }
    }

    @Test
    void theTypeIsReadWithoutTheEventInEveryFormAndEmptyWhenUnknown() {
        RecordHeaders binary = new RecordHeaders();
        binary.add("ce_type", bytes("limber.session.pain-stopped"));
        assertThat(envelope.typeOf(binary, "{\"userId\":\"u-1\"}")).isEqualTo("limber.session.pain-stopped");
        assertThat(envelope.typeOf(headers("application/cloudevents+json"), PAIN_STOP))
                .isEqualTo("limber.session.pain-stopped");
        assertThat(envelope.typeOf(new RecordHeaders(), PAIN_STOP)).isEqualTo("limber.session.pain-stopped");
        // a nested "type" is not the event's; the top-level one after it is
        assertThat(envelope.typeOf(new RecordHeaders(), "{\"data\":{\"type\":\"x\"},\"type\":\"limber.pain.reported\"}"))
                .isEqualTo("limber.pain.reported");
        for (String unknown : new String[] {"{\"data\":{\"type\":\"x\"}}", "{\"type\":7}", "[]", "null", "not json",
                "{\"id\":\"e\",", ""}) {
            assertThat(envelope.typeOf(new RecordHeaders(), unknown)).as(unknown).isEmpty();
        }
        assertThat(envelope.typeOf(new RecordHeaders(), (String) null)).isEmpty();
    }

    @Test
    void aUtcTimeReadsBackAsItWasWrittenWhateverItsFraction() {
        // CI once saw "...54.175349820Z" come back as "...54.17534982Z" (a 1-in-10 flaky ingress test)
        for (String time : new String[] {"2026-11-30T11:20:54.175349820Z", "2026-11-30T19:35:00.120Z",
                "2026-11-30T19:35:00Z", "2026-11-30T19:35:00.000001Z"}) {
            String event = PAIN_STOP.replace("2026-11-24T19:35:00Z", time);
            assertThat(envelope.fromKafka(new RecordHeaders(), event).get("time").asText()).isEqualTo(time);
        }
        assertThat(envelope.fromKafka(new RecordHeaders(), PAIN_STOP.replace("2026-11-24T19:35:00Z",
                "2026-11-24T20:35:00.50+01:00")).get("time").asText()).isEqualTo("2026-11-24T20:35:00.5+01:00");
    }

    @Test
    void binaryModeDataThatIsNotJsonIsRefused() {
        RecordHeaders headers = headers("application/json");
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes("e-3"));
        headers.add("ce_source", bytes("/clients/kcat"));
        headers.add("ce_type", bytes("limber.session.pain-stopped"));
        assertThatThrownBy(() -> envelope.fromKafka(headers, "secret {"))
                .isInstanceOfSatisfying(NotACloudEvent.class, e -> assertThat(e.field()).isEqualTo("$.data"))
                .hasMessageNotContaining("secret");
    }

    @Test
    void aBatchNamesTheEventThatIsRefused() {
        assertThatThrownBy(() -> envelope.fromBatch(("[" + PAIN_STOP + ",{\"specversion\":\"1.0\"}]")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(NotACloudEvent.class, e -> assertThat(e.index()).isEqualTo(1));
        assertThatThrownBy(() -> envelope.fromBatch(PAIN_STOP.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(NotACloudEvent.class, e -> assertThat(e.reason()).contains("array"));
    }

    @Test
    void aRefusedRecordStillTellsItsTypeAndIdForTheLog() {
        RecordHeaders binary = new RecordHeaders();
        binary.add("ce_type", bytes("limber.session.pain-stopped"));
        assertThat(envelope.attributeHint(binary, "not json", "type")).isEqualTo("limber.session.pain-stopped");
        assertThat(envelope.attributeHint(new RecordHeaders(), "{\"id\":\"e-9\",\"type\":7}", "id")).isEqualTo("e-9");
        assertThat(envelope.attributeHint(new RecordHeaders(), "{\"id\":\"e-9\",\"type\":7}", "type")).isEmpty();
        assertThat(envelope.attributeHint(new RecordHeaders(), "not json", "type")).isEmpty();
    }

    private static CloudEvent event() throws Exception {
        ObjectNode data = (ObjectNode) JSON.readTree(PAIN_STOP).get("data");
        return CloudEventEnvelope.jsonEvent(data)
                .withId("e-1").withSource(URI.create("/clients/web")).withType("limber.session.pain-stopped")
                .withTime(OffsetDateTime.parse("2026-11-24T19:35:00Z"))
                .withDataSchema(URI.create("urn:limber:schema:session-pain-stopped:1"))
                .withExtension("partitionkey", "u-1")
                .build();
    }

    private static RecordHeaders headers(String contentType) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventEnvelope.CONTENT_TYPE_HEADER, bytes(contentType));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
