package io.limber.local.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a bare socket, for the fuzz tests: sends the path exactly as given (HTTP clients refuse or re-encode
 * paths such as {@code %zz}) and any body with any content type, and returns the answer's status (0 if none came)
 * and the start of its text.
 */
public final class RawHttp {

    /** What came back: the status code (0: no HTTP answer) and up to 2 KB of the answer. */
    public record Answer(int status, String text) {
    }

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int CONTINUE_WAIT_MILLIS = 1_000;

    /**
     * A body bigger than this is announced with {@code Expect: 100-continue}, as a well-behaved client does, so that
     * a refusal (413) comes before the body; sent blindly, the early answer and closed connection can break the
     * write and lose the answer.
     */
    private static final int ANNOUNCE_OVER_BYTES = 256 * 1024;

    private RawHttp() {
    }

    public static Answer send(int port, String method, String rawPath, String bearerToken, String contentType, String body) {
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        if (bearerToken != null) {
            head.append("Authorization: Bearer ").append(bearerToken).append("\r\n");
        }
        boolean announce = content != null && content.length > ANNOUNCE_OVER_BYTES;
        if (content != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(content.length).append("\r\n");
        } else if (!method.equals("GET") && !method.equals("DELETE")) {
            head.append("Content-Length: 0\r\n");
        }
        if (announce) {
            head.append("Expect: 100-continue\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (announce) {
                socket.setSoTimeout(CONTINUE_WAIT_MILLIS);
                try {
                    Answer early = answerOf(in);
                    if (early.status() != 100) {
                        return early; // refused before the body was sent (413, 401, ...)
                    }
                } catch (java.net.SocketTimeoutException noInterimAnswer) {
                    // as RFC 9110 allows: no 100 came in time, so the body is sent anyway
                }
                socket.setSoTimeout(TIMEOUT_MILLIS);
            }
            try {
                if (content != null) {
                    out.write(content);
                }
                out.flush();
            } catch (SocketException refusedMidway) {
                // the server may answer (413, 400) and close before it has read everything: read that answer
            }
            return answerOf(in);
        } catch (IOException e) {
            return new Answer(0, e.toString());
        }
    }

    /** Reads the status line, the headers and up to 2 KB of the body, without waiting for the server to close. */
    private static Answer answerOf(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while (!head.toString().endsWith("\r\n\r\n") && head.length() < 65_536 && (b = in.read()) != -1) {
            head.append((char) b);
        }
        String text = head.toString();
        String[] parts = text.split("[ \r\n]", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            return new Answer(0, text);
        }
        String headers = text.toLowerCase(java.util.Locale.ROOT);
        int toRead = 0;
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(headers);
        if (length.find()) {
            toRead = (int) Math.min(Long.parseLong(length.group(1)), 2048);
        } else if (headers.contains("transfer-encoding: chunked")) {
            toRead = -1;
        }
        StringBuilder body = new StringBuilder();
        while ((toRead < 0 ? !body.toString().endsWith("0\r\n\r\n") && body.length() < 2048 : body.length() < toRead)
                && (b = in.read()) != -1) {
            body.append((char) b);
        }
        return new Answer(Integer.parseInt(parts[1]), text + body);
    }
}
