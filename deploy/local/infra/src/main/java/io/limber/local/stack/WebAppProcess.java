package io.limber.local.stack;

import io.limber.local.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The patient web app (clients/web) beside the local stack: its node server ({@code server/serve.mjs}) serves the
 * built app and the three services on one origin, and signs dev patient tokens with this run's key (the dev login).
 * Optional: without node or a build the stack runs on and says how to get the app.
 */
final class WebAppProcess implements AutoCloseable {

    /** The app's origin locally; the services' CORS settings allow it (LIMBER_APP_ORIGINS). */
    static final int PORT = 8090;
    private static final Duration READY_WITHIN = Duration.ofSeconds(15);

    private final Process process;
    private final URI url;

    private WebAppProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /**
     * Starts the app's server on {@link #PORT}, proxying to the given services and signing with the key in
     * {@code keyDir}; empty (with the reason printed) when it cannot be served.
     */
    static Optional<WebAppProcess> start(Path root, Map<String, URI> services, Path keyDir, Path log,
                                         Consumer<String> say) {
        Path web = root.resolve("clients/web");
        Optional<String> node = onPath("node");
        if (node.isEmpty()) {
            say.accept("web app not served: node is not installed (node >= 20, then clients/web/check --build-only)");
            return Optional.empty();
        }
        if (!Files.exists(web.resolve("dist/index.html"))) {
            say.accept("web app not served: clients/web/dist is missing (clients/web/check --build-only builds it)");
            return Optional.empty();
        }
        if (Ports.isListening("127.0.0.1", PORT)) {
            say.accept("web app not served: port " + PORT + " is taken (another app server running?)");
            return Optional.empty();
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(node.get(), web.resolve("server/serve.mjs").toString(),
                "--port", Integer.toString(PORT), "--host", "127.0.0.1"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "LIMBER_ROUTINE_URL", services.get("routine-service").toString(),
                "LIMBER_SESSION_URL", services.get("session-service").toString(),
                "LIMBER_REMINDER_URL", services.get("reminder-service").toString(),
                // the dev login signs with this run's key pair, the one the services trust
                "LIMBER_KEYS", keyDir.toString(),
                "LIMBER_DEV_LOGIN", "1"));
        try {
            WebAppProcess app = new WebAppProcess(builder.start(), URI.create("http://127.0.0.1:" + PORT + "/"));
            if (!app.awaitServing()) {
                app.close();
                say.accept("web app not served: its server did not answer within " + READY_WITHIN.toSeconds()
                        + " s; its log: " + log);
                return Optional.empty();
            }
            return Optional.of(app);
        } catch (IOException e) {
            say.accept("web app not served: " + e.getMessage());
            return Optional.empty();
        }
    }

    URI url() {
        return url;
    }

    private boolean awaitServing() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant until = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(until) && process.isAlive()) {
            try {
                HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static Optional<String> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** SIGTERM (the server closes and exits), then waits; a server that hangs is killed. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
